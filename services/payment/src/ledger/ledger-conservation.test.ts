import fc from 'fast-check';
import { withTransaction } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIntent } from '../intents/capture-intent.ts';
import { createIntent } from '../intents/create-intent.ts';
import { refundIntent } from '../refunds/refund-intent.ts';
import { createPaymentTestApp, type PaymentTestApp } from '../test/payment-test-app.ts';
import { accounts } from './post-entries.ts';
import { grantGoodwill } from '../wallet/grant-goodwill.ts';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await createPaymentTestApp();
  await t.db.sql`insert into commission_rates (scope, basis_points) values ('default', 1000)`;
});
afterAll(() => t.close());

const sum = async (where: string) =>
  Number(
    (where === 'all'
      ? await t.db.sql<{ s: string }[]>`select coalesce(sum(amount), 0)::text as s from ledger_entries`
      : await t.db.sql<
          { s: string }[]
        >`select coalesce(sum(amount), 0)::text as s from ledger_entries where account = ${where}`)[0]?.s,
  );
const walletRow = async (customer: string) =>
  Number(
    (
      await t.db.sql<
        { b: string }[]
      >`select balance::text as b from wallet_balances where customer_id = ${customer}`
    )[0]?.b ?? 0,
  );

/** Spends from the wallet through a wallet payment (a guarded hold), as checkout does. */
const spend = (customer: string, amount: number) =>
  withTransaction(t.db.sql, (tx) =>
    createIntent(t.ctx, tx, {
      orderId: uuidv7(),
      customerId: customer,
      amount: { amount, currency: 'KZT' },
      method: 'wallet',
      splits: [{ sellerId: uuidv7(), amount: { amount, currency: 'KZT' } }],
      deliveryFee: { amount: 0, currency: 'KZT' },
    }),
  );

describe('ledger conservation under concurrency (property-based)', () => {
  it('keeps every wallet balance equal to its ledger sum and never negative, whatever runs at once', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('credit' as const), amount: fc.integer({ min: 1, max: 5000 }) }),
      fc.record({ kind: fc.constant('spend' as const), amount: fc.integer({ min: 1, max: 8000 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const customer = uuidv7();
        const outcomes = await Promise.all(
          ops.map((o) =>
            o.kind === 'credit'
              ? grantGoodwill(
                  t.db.sql,
                  customer,
                  { amount: o.amount, currency: 'KZT' },
                  uuidv7(),
                  'test',
                ).then(() => ({ ...o, ok: true }))
              : spend(customer, o.amount).then((intent) => ({ ...o, ok: intent.status === 'authorized' })),
          ),
        );
        const credited = outcomes.filter((o) => o.kind === 'credit').reduce((a, o) => a + o.amount, 0);
        const spent = outcomes.filter((o) => o.kind === 'spend' && o.ok).reduce((a, o) => a + o.amount, 0);
        const balance = await walletRow(customer);
        expect(balance).toBe(credited - spent);
        expect(balance).toBeGreaterThanOrEqual(0);
        expect(await sum(accounts.wallet(customer))).toBe(balance);
        expect(await sum('all')).toBe(0);
      }),
      { numRuns: 15 },
    );
  });

  it('splits every capture into seller shares, commission and delivery, and concurrent refunds reverse it without losing a unit', async () => {
    const sellers = [uuidv7(), uuidv7(), uuidv7()];
    await t.db
      .sql`insert into commission_rates (scope, subject_id, basis_points) values ('seller', ${sellers[1] ?? ''}, 1234)`;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 400_000 }), { maxLength: 5 }),
        async (lines, fee, captureShare, refunds) => {
          const customer = uuidv7();
          const total = lines.reduce((a, b) => a + b, 0) + fee;
          const intent = await withTransaction(t.db.sql, (tx) =>
            createIntent(t.ctx, tx, {
              orderId: uuidv7(),
              customerId: customer,
              amount: { amount: total, currency: 'KZT' },
              method: 'cod',
              splits: lines.map((amount, i) => ({
                sellerId: sellers[i] ?? uuidv7(),
                amount: { amount, currency: 'KZT' },
              })),
              deliveryFee: { amount: fee, currency: 'KZT' },
            }),
          );
          const captured = Math.max(1, Math.floor(total * captureShare));
          await withTransaction(t.db.sql, (tx) =>
            captureIntent(t.ctx, tx, intent.id, captured, { viaCollection: true }),
          );
          const results = await Promise.allSettled(
            refunds.map((amount) =>
              withTransaction(t.db.sql, (tx) => refundIntent(t.ctx, tx, intent.id, { amount })),
            ),
          );
          const refunded = results.reduce(
            (a, r, i) => a + (r.status === 'fulfilled' ? (refunds[i] ?? 0) : 0),
            0,
          );
          expect(refunded).toBeLessThanOrEqual(captured);
          const split = await t.db.sql<{ s: string }[]>`
            select coalesce(sum(amount), 0)::text as s from ledger_entries
            where intent_id = ${intent.id} and (account like 'seller:%' or account like 'platform:%')`;
          expect(Number(split[0]?.s)).toBe(captured - refunded);
          expect(await walletRow(customer)).toBe(refunded);
          const [perIntent] = await t.db.sql<{ s: string }[]>`
            select coalesce(sum(amount), 0)::text as s from ledger_entries where intent_id = ${intent.id}`;
          expect(Number(perIntent?.s)).toBe(0);
          expect(await sum('all')).toBe(0);
        },
      ),
      { numRuns: 20 },
    );
  });
});
