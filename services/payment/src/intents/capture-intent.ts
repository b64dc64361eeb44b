/**
 * Capturing an authorized intent, fully or partly (the rest is released, as Stripe does), and posting
 * its settlement. Cash on delivery is captured only by the round's collection (see reconcile-collection).
 */
import type { PaymentIntent } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import type { PaymentContext } from '../context.ts';
import { findIntent, moveIntent, toIntent, type IntentRow } from '../data/intents-repo.ts';
import {
  CaptureAmountInvalid,
  CodCapturedByCollection,
  IntentNotFound,
  ProviderUnavailable,
} from '../errors.ts';
import { accounts } from '../ledger/post-entries.ts';
import { settleCapture } from '../ledger/settle.ts';
import { releaseToWallet } from '../wallet/wallet-ledger.ts';
import { announceIntent } from './announce.ts';
import { assertTransition } from './transitions.ts';

/** Captures `amount` (default: all) of an intent through its method. */
export async function captureIntent(
  ctx: PaymentContext,
  tx: Tx,
  intentId: string,
  amount: number | undefined,
  options: { viaCollection?: boolean } = {},
): Promise<PaymentIntent> {
  const intent = await findIntent(tx, intentId, true);
  if (!intent) throw new IntentNotFound();
  if (intent.method === 'cod' && !options.viaCollection) throw new CodCapturedByCollection();
  assertTransition(intent.status, 'captured');
  const authorized = Number(intent.amount);
  const captured = amount ?? authorized;
  if (captured <= 0 || captured > authorized)
    throw new CaptureAmountInvalid(`capture between 1 and ${authorized}`);
  const source = await takeMoney(ctx, tx, intent, captured);
  const moved = await moveIntent(tx, intent.id, 'captured', { amountCaptured: captured });
  if (!moved) throw new Error('intent moved while locked');
  await settleCapture(tx, moved, captured, source, ctx.returnWindowDays);
  await announceIntent(tx, moved);
  return toIntent((await findIntent(tx, intent.id)) ?? moved);
}

/** Takes the money from where the method holds it; returns the ledger account it came from. */
async function takeMoney(ctx: PaymentContext, tx: Tx, intent: IntentRow, captured: number): Promise<string> {
  if (intent.method === 'cod') return accounts.cash;
  if (intent.method === 'wallet') {
    const rest = Number(intent.amount) - captured;
    await releaseToWallet(tx, {
      customerId: intent.customer_id,
      amount: { amount: rest, currency: intent.currency },
      fromAccount: accounts.hold(intent.id),
      kind: 'hold_released',
      intentId: intent.id,
    });
    return accounts.hold(intent.id);
  }
  const provider = ctx.providers.get(intent.provider);
  if (!provider || !intent.provider_ref)
    throw new ProviderUnavailable(`provider ${intent.provider} is not configured`);
  await provider.capture(intent.provider_ref, captured, `capture-${intent.id}`);
  return accounts.provider(intent.provider);
}
