import {
  DEMO_IDS,
  OrderCancelled,
  OrderConfirmed,
  OrderPlaced,
  demoProductId as pid,
  demoVariantId,
  type ProductRecommendations,
  type RecommendedProduct,
} from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCommerceDemo } from '../demo/seed-commerce.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { onOrderCancelled } from '../events/on-order-cancelled.ts';
import { onOrderConfirmed } from '../events/on-order-confirmed.ts';
import { onOrderPlaced } from '../events/on-order-placed.ts';
import { deliver, envelope, placed, recordingLogger } from '../test/commerce-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';
import { refreshSimilar } from './refresh-similar.ts';

describe('recommendations', () => {
  let t: ShopTestApp;
  const log = recordingLogger();
  const line = (n: number) => ({ variantId: demoVariantId(n), productId: pid(n), sellerId: DEMO_IDS.seller });
  const recs = async (n: number) =>
    (await t.app.inject({ url: `/products/${pid(n)}/recommendations` })).json<ProductRecommendations>();

  beforeAll(async () => {
    t = await createShopTestApp();
    await seedDemo(t.db.sql);
    await seedCommerceDemo(t.db.sql);
    await refreshSimilar(t.db.sql, { batch: 7 });
  });
  afterAll(async () => t.close());

  const order = async (customerId: string, products: number[]) => {
    const orderId = uuidv7();
    await deliver(
      t.db.sql,
      onOrderPlaced(log),
      envelope(OrderPlaced, placed(orderId, customerId, products.map(line))),
    );
    const confirmed = envelope(OrderConfirmed, { orderId, confirmedAt: new Date().toISOString() });
    await deliver(t.db.sql, onOrderConfirmed(log), confirmed);
    await deliver(t.db.sql, onOrderConfirmed(log), confirmed);
    return orderId;
  };

  it('learns "bought together" from confirmed orders, counting a redelivered confirmation once', async () => {
    const before = await t.db.sql<
      { orders: number }[]
    >`select orders from co_purchases where product_id = ${pid(33)} and other_id = ${pid(17)}`;
    expect(before).toHaveLength(0);
    await order(uuidv7(), [33, 17]);
    await order(uuidv7(), [33, 17, 32]);
    const together = (await recs(33)).boughtTogether.map((p) => p.id);
    expect(together.slice(0, 2)).toEqual([pid(17), pid(32)]);
    const [pair] = await t.db.sql<
      { orders: number }[]
    >`select orders from co_purchases where product_id = ${pid(33)} and other_id = ${pid(17)}`;
    expect(pair?.orders).toBe(2);
  });

  it('forgets the pairs of a cancelled order', async () => {
    const orderId = await order(uuidv7(), [25, 24]);
    await deliver(
      t.db.sql,
      onOrderCancelled,
      envelope(OrderCancelled, { orderId, reason: 'x', cancelledAt: new Date().toISOString() }),
    );
    expect((await recs(25)).boughtTogether.map((p) => p.id)).not.toContain(pid(24));
  });

  it('shows similar products from the same category first, and popular ones in the category without repeats', async () => {
    const r = await recs(1);
    const categories = await t.db.sql<{ id: string; slug: string }[]>`
      select p.id, c.slug from products p join categories c on c.id = p.category_id where p.id = any(${r.similar.map((p) => p.id)}::uuid[])`;
    expect(r.similar.length).toBeGreaterThan(0);
    expect(categories.find((c) => c.id === r.similar[0]?.id)?.slug).toBe('smartphones');
    expect(r.similar.map((p) => p.id)).not.toContain(pid(1));
    const shown = new Set([...r.boughtTogether, ...r.similar].map((p) => p.id));
    expect(r.popularInCategory.every((p) => !shown.has(p.id))).toBe(true);
  });

  it('builds "for you" from the customer history without repeating what they bought, popular for a newcomer', async () => {
    const me = uuidv7();
    const authorization = `Bearer ${await t.tokens.sign({ id: me, roles: ['customer'] })}`;
    const newcomer = (await t.app.inject({ url: '/shop/for-you', headers: { authorization } })).json<{
      items: RecommendedProduct[];
    }>();
    expect(newcomer.items.length).toBeGreaterThan(0);
    await order(me, [26]);
    const mine = (await t.app.inject({ url: '/shop/for-you', headers: { authorization } })).json<{
      items: RecommendedProduct[];
    }>();
    expect(mine.items.map((p) => p.id)).not.toContain(pid(26));
    expect(mine.items[0]?.id).toBe(pid(30));
    expect((await t.app.inject({ url: '/shop/for-you' })).statusCode).toBe(401);
  });
});
