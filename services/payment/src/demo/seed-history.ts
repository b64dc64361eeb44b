/**
 * Ninety days of the demo seller's settlement history (embedded demo mode only): card payments from
 * other customers every few days, settled through the real capture, and weekly payout batches paid
 * out of what left the return window, so the seller dashboard's money chart has a history to draw.
 * Deterministic amounts; runs once (idempotency keys), later starts change nothing. The last batch ends
 * three weeks ago, so the demo seed's own recent payments stay available for the seller's balance.
 */
import { DEMO_IDS } from '@sauda/contracts';
import { withIdempotency, withTransaction } from '@sauda/kit';
import { tokenizeCard } from '../cards/tokenize-card.ts';
import type { PaymentContext } from '../context.ts';
import { captureIntent } from '../intents/capture-intent.ts';
import { createIntent } from '../intents/create-intent.ts';
import { createPayoutBatch } from '../payouts/create-payout-batch.ts';

const DAY_MS = 86_400_000;
const DELIVERY_FEE = 99_000;
const CATEGORIES = [1, 2, 4, 9, 11, 12];
const category = (n: number) => `01900000-0000-7000-8000-0000000c${n.toString(16).padStart(4, '0')}`;
const historyOrder = (n: number) => `01970000-0000-7000-8000-000000aa${n.toString(16).padStart(4, '0')}`;
const historyCustomer = `01970000-0000-7000-8000-0000000a0001`;

/** The history's payments: one every three days from 88 to 13 days ago, amounts in tiyn. */
export const HISTORY_PAYMENTS = Array.from({ length: 26 }, (_, i) => ({
  daysAgo: 88 - i * 3,
  amount: 1_990_000 + ((i * 7919) % 13) * 1_350_000 + i * 120_000,
  category: CATEGORIES[i % CATEGORIES.length] ?? 1,
}));
/** Weekly payout periods, in days ago: from 84 to 21. */
export const HISTORY_PAYOUT_PERIODS = Array.from({ length: 10 }, (_, i) => 84 - i * 7);

/** Seeds the history once; answers how many payments it created (0 on every later start). */
export async function seedDemoHistory(ctx: PaymentContext, now = new Date()): Promise<number> {
  const { db } = ctx;
  const card = await withIdempotency(
    db,
    { scope: 'demo-seed', key: 'demo-history-card', fingerprint: 1 },
    async () => ({
      status: 201,
      body: await tokenizeCard(ctx, historyCustomer, {
        card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' },
      }),
    }),
  );
  let created = 0;
  for (const [i, p] of HISTORY_PAYMENTS.entries()) {
    const at = new Date(now.getTime() - p.daysAgo * DAY_MS);
    const answer = await withIdempotency(
      db,
      { scope: 'demo-seed', key: `demo-history-${i + 1}`, fingerprint: p },
      async (tx) => {
        const intent = await createIntent(ctx, tx, {
          orderId: historyOrder(i + 1),
          customerId: historyCustomer,
          amount: { amount: p.amount + DELIVERY_FEE, currency: 'KZT' },
          method: 'card',
          token: card.body.token,
          splits: [
            {
              sellerId: DEMO_IDS.seller,
              amount: { amount: p.amount, currency: 'KZT' },
              categoryId: category(p.category),
            },
          ],
          deliveryFee: { amount: DELIVERY_FEE, currency: 'KZT' },
        });
        await captureIntent(ctx, tx, intent.id, undefined);
        // Back-date the payment as if it had been captured then, its return window counted from then.
        const free = new Date(at.getTime() + ctx.returnWindowDays * DAY_MS);
        await tx`update payment_intents set created_at = ${at}, updated_at = ${at} where id = ${intent.id}`;
        await tx`update ledger_entries set created_at = ${at} where intent_id = ${intent.id}`;
        await tx`update ledger_entries set available_at = ${free} where intent_id = ${intent.id} and kind = 'sale'`;
        return { status: 201, body: intent.id };
      },
    );
    if (!answer.replayed) created += 1;
  }
  // Batches end at a time of this run, so they are made only by the run that made the payments.
  if (created === 0) return 0;
  for (const daysAgo of HISTORY_PAYOUT_PERIODS) {
    const periodEnd = new Date(now.getTime() - daysAgo * DAY_MS);
    const paidAt = new Date(periodEnd.getTime() + DAY_MS);
    const batch = await createPayoutBatch(db, periodEnd, 'KZT');
    await withTransaction(db, async (tx) => {
      await tx`update payout_batches set status = 'paid', created_at = ${periodEnd} where id = ${batch.id}`;
      await tx`update payouts set status = 'paid', created_at = ${paidAt} where batch_id = ${batch.id} and iban is not null`;
      await tx`update ledger_entries set created_at = ${paidAt}
               where kind = 'payout' and payout_id in (select id from payouts where batch_id = ${batch.id})`;
    });
  }
  return created;
}
