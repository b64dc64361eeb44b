import { DEMO_IDS, demoVariantId, type OrderSummary } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrdersTestApp, type OrdersTestApp } from '../test/orders-test-app.ts';
import { seedDemo } from './seed-demo.ts';

describe('the demo orders', () => {
  let t: OrdersTestApp;
  beforeAll(async () => {
    t = await createOrdersTestApp();
    for (const n of [2, 4, 7, 10, 12, 26, 30])
      t.world.prices.set(demoVariantId(n), { price: n * 1000_00, seller: DEMO_IDS.seller, available: true });
  });
  afterAll(async () => t.close());

  it('gives the demo customer an order in every state, once however often it runs', async () => {
    expect(await seedDemo(t.ctx)).toBe(5);
    expect(await seedDemo(t.ctx)).toBe(0);
    const page = (await t.app.inject({ url: '/orders', headers: await t.as(DEMO_IDS.customer) })).json<{
      items: OrderSummary[];
    }>();
    expect(page.items.map((o) => o.status).sort()).toEqual([
      'cancelled',
      'confirmed',
      'delivered',
      'failed',
      'out_for_delivery',
    ]);
    const seller = (
      await t.app.inject({ url: '/seller/orders', headers: await t.as(DEMO_IDS.seller, ['seller']) })
    ).json<{ total: number }>();
    expect(seller.total).toBe(4);
  });
});
