/**
 * The demo payments, seeded on every start in demo mode and idempotent (the kit's idempotency keys and
 * ledger references): commission rates, the demo customer's goodwill credit, the demo seller's IBAN and
 * a few captured card payments for the demo seller, two of them already past the return window.
 */
import { DEMO_IDS } from '@sauda/contracts';
import { withIdempotency, withTransaction } from '@sauda/kit';
import { tokenizeCard } from '../cards/tokenize-card.ts';
import type { PaymentContext } from '../context.ts';
import { captureIntent } from '../intents/capture-intent.ts';
import { createIntent } from '../intents/create-intent.ts';
import { setCommissionRate } from '../ledger/commission-rates.ts';
import { setPayoutAccount } from '../payouts/seller-balance.ts';
import { grantGoodwill } from '../wallet/grant-goodwill.ts';

const category = (n: number) => `01900000-0000-7000-8000-0000000c${n.toString(16).padStart(4, '0')}`;
const demoOrder = (n: number) => `01960000-0000-7000-8000-0000000f${n.toString(16).padStart(4, '0')}`;

/** Demo payments: amount in tiyn, category, days since capture. */
const PAYMENTS = [
  { amount: 45_990_000, category: 2, daysAgo: 30 },
  { amount: 12_500_000, category: 4, daysAgo: 21 },
  { amount: 3_490_000, category: 12, daysAgo: 5 },
  { amount: 8_900_000, category: 9, daysAgo: 1 },
];
const DELIVERY_FEE = 150_000;

/** Seeds what is missing; returns how many demo payments were new. */
export async function seedDemo(ctx: PaymentContext): Promise<number> {
  const { db } = ctx;
  const [seeded] = await db<{ n: number }[]>`select count(*)::int as n from commission_rates`;
  if ((seeded?.n ?? 0) === 0) {
    await setCommissionRate(db, { scope: 'default', basisPoints: 1000 });
    await setCommissionRate(db, { scope: 'category', subjectId: category(1), basisPoints: 700 });
    await setCommissionRate(db, { scope: 'category', subjectId: category(2), basisPoints: 500 });
    await setCommissionRate(db, { scope: 'category', subjectId: category(8), basisPoints: 1500 });
    await setCommissionRate(db, { scope: 'category', subjectId: category(11), basisPoints: 800 });
    await setPayoutAccount(db, DEMO_IDS.seller, 'KZ86125KZT5004100100', 'Sauda Demo Store LLP');
  }
  await grantGoodwill(
    db,
    DEMO_IDS.customer,
    { amount: 500_000, currency: 'KZT' },
    'demo-goodwill',
    'Welcome to Sauda: goodwill credit',
  );
  const card = await withIdempotency(
    db,
    { scope: 'demo-seed', key: 'demo-card', fingerprint: 1 },
    async () => ({
      status: 201,
      body: await tokenizeCard(ctx, DEMO_IDS.customer, {
        card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' },
      }),
    }),
  );
  let created = 0;
  for (const [i, p] of PAYMENTS.entries()) {
    const answer = await withIdempotency(
      db,
      { scope: 'demo-seed', key: `demo-payment-${i + 1}`, fingerprint: p },
      async (tx) => {
        const intent = await createIntent(ctx, tx, {
          orderId: demoOrder(i + 1),
          customerId: DEMO_IDS.customer,
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
        return { status: 201, body: intent.id };
      },
    );
    if (answer.replayed) continue;
    created++;
    // Back-date the demo history so the seller's balance shows money both inside and past the return window.
    await withTransaction(db, async (tx) => {
      const at = new Date(Date.now() - p.daysAgo * 86_400_000);
      const free = new Date(at.getTime() + ctx.returnWindowDays * 86_400_000);
      await tx`update payment_intents set created_at = ${at}, updated_at = ${at} where id = ${answer.body}`;
      await tx`update ledger_entries set created_at = ${at} where intent_id = ${answer.body}`;
      await tx`update ledger_entries set available_at = ${free} where intent_id = ${answer.body} and kind = 'sale'`;
    });
  }
  return created;
}
