/** The customer answers the sandbox bank's 3-D Secure style challenge; the intent follows the bank's new state. */
import { withTransaction, type Principal } from '@sauda/kit';
import type { PaymentContext } from '../context.ts';
import { findIntentByRef, toIntent } from '../data/intents-repo.ts';
import { ChallengeNotFound } from '../errors.ts';
import { applyProviderState } from './apply-provider-state.ts';

/** Approves or fails the challenge for the caller's own payment; returns the intent and where to go next. */
export async function completeChallenge(
  ctx: PaymentContext,
  caller: Principal,
  challengeId: string,
  approve: boolean,
) {
  const bank = ctx.sandbox;
  if (!bank) throw new ChallengeNotFound('the sandbox bank is not running');
  const [owned] = await ctx.db<{ ref: string; customer_id: string }[]>`
    select a.ref, i.customer_id from sandbox_authorizations a
    join payment_intents i on i.provider = 'sandbox' and i.provider_ref = a.ref
    where a.challenge_id = ${challengeId}`;
  // Another customer's challenge is "not found": its existence is nobody else's business.
  if (!owned || owned.customer_id !== caller.id) throw new ChallengeNotFound();
  const { ref } = await bank.completeChallenge(challengeId, approve);
  return withTransaction(ctx.db, async (tx) => {
    // Locked before it is read: the bank's webhook about this same answer may be applying it concurrently.
    const intent = await findIntentByRef(tx, 'sandbox', ref, true);
    if (!intent) throw new ChallengeNotFound();
    const after = await applyProviderState(tx, intent, await bank.retrieve(ref));
    return { intent: toIntent(after), returnUrl: after.return_url ?? undefined };
  });
}

/** What the challenge page shows before the customer answers. */
export async function describeChallenge(ctx: PaymentContext, caller: Principal, challengeId: string) {
  const [row] = await ctx.db<
    {
      amount: string;
      currency: string;
      status: string;
      customer_id: string;
      intent_id: string;
      brand: string;
      last4: string;
    }[]
  >`
    select a.amount::text, a.currency, a.status, i.customer_id, i.id as intent_id, c.brand, c.last4
    from sandbox_authorizations a
    join payment_intents i on i.provider = 'sandbox' and i.provider_ref = a.ref
    join card_tokens c on c.token = i.token
    where a.challenge_id = ${challengeId}`;
  if (!row || row.customer_id !== caller.id) throw new ChallengeNotFound();
  return {
    intentId: row.intent_id,
    amount: { amount: Number(row.amount), currency: row.currency as 'KZT' },
    card: { brand: row.brand, last4: row.last4 },
    pending: row.status === 'requires_action',
  };
}
