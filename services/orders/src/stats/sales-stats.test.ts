import { DEMO_IDS, demoVariantId, type SalesSeries } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_DAYS, seedDemoHistory } from '../demo/seed-history.ts';
import { createOrdersTestApp, SELLER_A, type OrdersTestApp } from '../test/orders-test-app.ts';

describe('sales per day for the dashboards', () => {
  let t: OrdersTestApp;
  let created = 0;
  beforeAll(async () => {
    t = await createOrdersTestApp();
    for (let n = 1; n <= 30; n += 1)
      t.world.prices.set(demoVariantId(n), { price: n * 1500_00, seller: DEMO_IDS.seller, available: true });
    created = await seedDemoHistory(t.ctx);
  });
  afterAll(async () => t.close());

  const get = async (url: string, id: string, roles: Array<'customer' | 'seller' | 'admin'>) =>
    t.app.inject({ url, headers: await t.as(id, roles) });

  it('seeds a deterministic ninety-day history once', async () => {
    expect(created).toBeGreaterThan(HISTORY_DAYS * 2);
    expect(await seedDemoHistory(t.ctx)).toBe(0);
    const [kinds] = await t.db.sql<{ address: string; sellers: string }[]>`
      select distinct jsonb_typeof(shipping_address) as address, jsonb_typeof(sellers) as sellers
      from orders where number like 'SD-HIST-%'`;
    expect(kinds).toEqual({ address: 'object', sellers: 'array' });
  });

  it('gives the seller every day of the range, their own orders only, totals matching the days', async () => {
    const answer = await get('/seller/orders/stats?days=90', DEMO_IDS.seller, ['seller']);
    expect(answer.statusCode).toBe(200);
    const series = answer.json<SalesSeries>();
    expect(series.days).toHaveLength(90);
    expect(series.days[0]?.date).toBe(series.from);
    expect(series.days.at(-1)?.date).toBe(series.to);
    expect(series.totals.orders).toBe(series.days.reduce((sum, d) => sum + d.orders, 0));
    expect(series.totals.gmv).toBe(series.days.reduce((sum, d) => sum + d.gmv, 0));
    expect(series.totals.cancelled).toBeGreaterThan(0);
    expect(series.totals.gmv).toBeGreaterThan(0);
    const [db] = await t.db.sql<{ n: number; gmv: string }[]>`
      select count(*)::int as n, sum(total) filter (where status <> 'cancelled')::text as gmv
      from seller_orders where seller_id = ${DEMO_IDS.seller} and created_at > now() - interval '89 days'`;
    expect(series.totals.orders).toBeGreaterThanOrEqual(db?.n ?? 0);
    const other = (await get('/seller/orders/stats?days=90', SELLER_A, ['seller'])).json<SalesSeries>();
    expect(other.totals).toEqual({ orders: 0, gmv: 0, cancelled: 0 });
  });

  it('gives the admin the marketplace, or one seller when asked', async () => {
    const all = (await get('/admin/orders/stats?days=30', DEMO_IDS.admin, ['admin'])).json<SalesSeries>();
    const one = (
      await get(`/admin/orders/stats?days=30&sellerId=${DEMO_IDS.seller}`, DEMO_IDS.admin, ['admin'])
    ).json<SalesSeries>();
    expect(all.days).toHaveLength(30);
    expect(all.totals.orders).toBeGreaterThan(0);
    // The history's orders have one seller each, so the marketplace equals the demo seller here.
    expect(one.totals).toEqual(all.totals);
  });

  it('counts a past range ending on a given day', async () => {
    const to = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    const series = (
      await get(`/admin/orders/stats?days=7&to=${to}`, DEMO_IDS.admin, ['admin'])
    ).json<SalesSeries>();
    expect(series.to).toBe(to);
    expect(series.days).toHaveLength(7);
    expect(series.totals.orders).toBeGreaterThan(0);
  });

  it.each([
    ['/seller/orders/stats?days=0', 400],
    ['/seller/orders/stats?days=400', 400],
    ['/seller/orders/stats?to=2026-02-31', 400],
    ['/seller/orders/stats?currency=XYZ', 400],
  ])('answers %s with a problem', async (url, status) => {
    const answer = await get(url, DEMO_IDS.seller, ['seller']);
    expect(answer.statusCode).toBe(status);
    expect(answer.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps customers out of the sellers and the admin statistics', async () => {
    expect((await get('/seller/orders/stats', DEMO_IDS.customer, ['customer'])).statusCode).toBe(403);
    expect((await get('/admin/orders/stats', DEMO_IDS.seller, ['seller'])).statusCode).toBe(403);
  });
});
