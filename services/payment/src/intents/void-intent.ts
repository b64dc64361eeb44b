/** Voiding an authorization (order cancelled before capture): nothing is taken, a wallet hold goes back. */
import type { PaymentIntent } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import type { PaymentContext } from '../context.ts';
import { findIntent, moveIntent, toIntent } from '../data/intents-repo.ts';
import { IntentNotFound } from '../errors.ts';
import { accounts } from '../ledger/post-entries.ts';
import { releaseToWallet } from '../wallet/wallet-ledger.ts';
import { announceIntent } from './announce.ts';
import { assertTransition } from './transitions.ts';

/** Voids the intent; a second void of a voided intent answers its current state. */
export async function voidIntent(ctx: PaymentContext, tx: Tx, intentId: string): Promise<PaymentIntent> {
  const intent = await findIntent(tx, intentId, true);
  if (!intent) throw new IntentNotFound();
  if (intent.status === 'voided') return toIntent(intent);
  assertTransition(intent.status, 'voided');
  if (intent.method === 'wallet') {
    await releaseToWallet(tx, {
      customerId: intent.customer_id,
      amount: { amount: Number(intent.amount), currency: intent.currency },
      fromAccount: accounts.hold(intent.id),
      kind: 'hold_released',
      intentId: intent.id,
    });
  }
  const provider = ctx.providers.get(intent.provider);
  if (provider && intent.provider_ref) await provider.cancel(intent.provider_ref, `void-${intent.id}`);
  const moved = await moveIntent(tx, intent.id, 'voided');
  if (!moved) throw new Error('intent moved while locked');
  await announceIntent(tx, moved);
  return toIntent((await findIntent(tx, intent.id)) ?? moved);
}
