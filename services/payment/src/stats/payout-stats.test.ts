import { DEMO_IDS, type PayoutSeries } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_PAYMENTS, HISTORY_PAYOUT_PERIODS, seedDemoHistory } from '../demo/seed-history.ts';
import { setPayoutAccount } from '../payouts/seller-balance.ts';
import { createPaymentTestApp, type PaymentTestApp } from '../test/payment-test-app.ts';

describe("a seller's settlements per day", () => {
  let t: PaymentTestApp;
  let created = 0;
  beforeAll(async () => {
    t = await createPaymentTestApp();
    await t.db.sql`insert into commission_rates (scope, basis_points) values ('default', 1000)`;
    await setPayoutAccount(t.db.sql, DEMO_IDS.seller, 'KZ86125KZT5004100100', 'Sauda Demo Store LLP');
    created = await seedDemoHistory(t.ctx);
  });
  afterAll(() => t.close());

  it('seeds the settlement history and its weekly payouts once', async () => {
    expect(created).toBe(HISTORY_PAYMENTS.length);
    expect(await seedDemoHistory(t.ctx)).toBe(0);
    const [batches] = await t.db.sql<{ n: number }[]>`select count(*)::int as n from payout_batches`;
    expect(batches?.n).toBe(HISTORY_PAYOUT_PERIODS.length);
  });

  it('draws net sales and payouts per day, every day present, totals matching the ledger', async () => {
    const answer = await t.app.inject({
      url: '/payment/seller/stats?days=90',
      headers: await t.as('seller', DEMO_IDS.seller),
    });
    expect(answer.statusCode).toBe(200);
    const series = answer.json<PayoutSeries>();
    expect(series.days).toHaveLength(90);
    expect(series.days.filter((d) => d.settled > 0)).toHaveLength(HISTORY_PAYMENTS.length);
    expect(series.days.filter((d) => d.paidOut > 0).length).toBeGreaterThan(5);
    expect(series.totals.settled).toBe(series.days.reduce((sum, d) => sum + d.settled, 0));
    const [ledger] = await t.db.sql<{ sale: string; paid: string }[]>`
      select sum(amount) filter (where kind = 'sale')::text as sale, (-sum(amount) filter (where kind = 'payout'))::text as paid
      from ledger_entries where account = ${`seller:${DEMO_IDS.seller}`}`;
    expect(series.totals.settled).toBe(Number(ledger?.sale));
    expect(series.totals.paidOut).toBe(Number(ledger?.paid));
    // Net of a 10 % commission: what is credited is less than what was sold.
    expect(series.totals.settled).toBeLessThan(HISTORY_PAYMENTS.reduce((sum, p) => sum + p.amount, 0));
  });

  it("lets an admin read any seller's series, and no one else's but the seller's own", async () => {
    const admin = await t.app.inject({
      url: `/payment/admin/sellers/${DEMO_IDS.seller}/stats?days=90`,
      headers: await t.as('admin'),
    });
    expect(admin.json<PayoutSeries>().totals.settled).toBeGreaterThan(0);
    const other = await t.app.inject({
      url: '/payment/seller/stats?days=90',
      headers: await t.as('seller', uuidv7()),
    });
    expect(other.json<PayoutSeries>().totals).toEqual({ settled: 0, refunded: 0, paidOut: 0 });
    const seller = await t.app.inject({
      url: `/payment/admin/sellers/${DEMO_IDS.seller}/stats`,
      headers: await t.as('seller', uuidv7()),
    });
    expect(seller.statusCode).toBe(403);
    expect(
      (await t.app.inject({ url: '/payment/seller/stats', headers: await t.as('customer') })).statusCode,
    ).toBe(403);
  });

  it('answers a range out of bounds with a problem', async () => {
    const answer = await t.app.inject({
      url: '/payment/seller/stats?days=367',
      headers: await t.as('seller', DEMO_IDS.seller),
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
  });
});
