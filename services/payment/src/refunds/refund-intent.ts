/**
 * Refunds, full or partial, never more than captured: the bound is one guarded UPDATE (concurrent refunds
 * cannot both pass), the money goes back through the original method or to the wallet, and the settlement
 * split is reversed pro rata.
 */
import { RefundCompleted, type Refund } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import type { PaymentContext } from '../context.ts';
import { findIntent, type IntentRow } from '../data/intents-repo.ts';
import { IntentNotFound, ProviderUnavailable, RefundExceedsCaptured } from '../errors.ts';
import { accounts } from '../ledger/post-entries.ts';
import { reverseSettlement } from '../ledger/settle.ts';
import { creditWallet } from '../wallet/wallet-ledger.ts';

/** What a refund request says. */
export interface RefundRequest {
  amount?: number | undefined;
  destination?: 'original' | 'wallet' | undefined;
  reason?: string | undefined;
}

/** Refunds `amount` (default: all that remains) of a captured intent. */
export async function refundIntent(
  ctx: PaymentContext,
  tx: Tx,
  intentId: string,
  request: RefundRequest,
): Promise<Refund> {
  const current = await findIntent(tx, intentId);
  if (!current) throw new IntentNotFound();
  const remaining = Number(current.amount_captured) - Number(current.amount_refunded);
  const amount = request.amount ?? remaining;
  if (amount <= 0) throw new RefundExceedsCaptured(`nothing is left to refund`);
  // Cash cannot go back the way it came: a cash refund goes to the wallet.
  const destination = current.method === 'cod' ? 'wallet' : (request.destination ?? 'original');
  const [intent] = await tx<(IntentRow & { refunded_before: string })[]>`
    update payment_intents set
      amount_refunded = amount_refunded + ${amount},
      status = case when amount_refunded + ${amount} = amount_captured then 'refunded' else status end,
      updated_at = now()
    where id = ${intentId} and status = 'captured' and amount_refunded + ${amount} <= amount_captured
    returning *, (amount_refunded - ${amount})::text as refunded_before`;
  if (!intent)
    throw new RefundExceedsCaptured(`at most ${Math.max(remaining, 0)} can be refunded`, {
      refundable: Math.max(remaining, 0),
    });
  const refundId = uuidv7();
  const money = { amount, currency: intent.currency };
  const before = Number(intent.refunded_before);
  let providerRef: string | null = null;
  // A wallet payment's "original method" is the wallet itself.
  if (destination === 'wallet' || intent.method === 'wallet') {
    await reverseSettlement(tx, intent, before, before + amount, 'clearing:refunds', refundId);
    await creditWallet(tx, {
      customerId: intent.customer_id,
      amount: money,
      fromAccount: 'clearing:refunds',
      source: 'refund',
      reference: refundId,
      intentId: intent.id,
    });
  } else {
    const provider = ctx.providers.get(intent.provider);
    if (!provider || !intent.provider_ref)
      throw new ProviderUnavailable(`provider ${intent.provider} is not configured`);
    providerRef = await provider.refund(intent.provider_ref, amount, `refund-${refundId}`);
    await reverseSettlement(
      tx,
      intent,
      before,
      before + amount,
      accounts.provider(intent.provider),
      refundId,
    );
  }
  const [row] = await tx<{ created_at: Date }[]>`
    insert into refunds (id, intent_id, amount, currency, destination, reason, provider_ref)
    values (${refundId}, ${intent.id}, ${amount}, ${intent.currency}, ${destination}, ${request.reason ?? null}, ${providerRef})
    returning created_at`;
  await appendEvent(tx, RefundCompleted, {
    refundId,
    intentId: intent.id,
    orderId: intent.order_id,
    customerId: intent.customer_id,
    amount: money,
    destination,
    completedAt: new Date().toISOString(),
  });
  return {
    id: refundId,
    intentId: intent.id,
    amount: money,
    destination,
    ...(request.reason ? { reason: request.reason } : {}),
    status: 'completed',
    createdAt: (row?.created_at ?? new Date()).toISOString(),
  };
}
