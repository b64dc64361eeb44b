import {
  DEMO_IDS,
  OrderConfirmed,
  OrderPlaced,
  ShipmentDelivered,
  demoProductId,
  demoVariantId,
  type Review,
  type ReviewPage,
} from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCommerceDemo } from '../demo/seed-commerce.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { onOrderConfirmed } from '../events/on-order-confirmed.ts';
import { onOrderPlaced } from '../events/on-order-placed.ts';
import { onShipmentDelivered } from '../events/on-shipment-delivered.ts';
import { deliver, envelope, placed, recordingLogger } from '../test/commerce-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';

describe('reviews and ratings', () => {
  let t: ShopTestApp;
  const buyerId = uuidv7();
  let buyer: string;
  let seller: string;
  let otherSeller: string;
  let admin: string;
  const product = demoProductId(12);

  beforeAll(async () => {
    t = await createShopTestApp();
    await seedDemo(t.db.sql);
    expect(await seedCommerceDemo(t.db.sql)).toBeGreaterThan(20);
    expect(await seedCommerceDemo(t.db.sql)).toBe(0);
    const sign = async (id: string, roles: Array<'customer' | 'seller' | 'admin'>, name: string) =>
      `Bearer ${await t.tokens.sign({ id, roles, name })}`;
    buyer = await sign(buyerId, ['customer'], 'Aruzhan');
    seller = await sign(DEMO_IDS.seller, ['seller'], 'Demo Store');
    otherSeller = await sign(uuidv7(), ['seller'], 'Other');
    admin = await sign(DEMO_IDS.admin, ['admin'], 'Admin');
  });
  afterAll(async () => t.close());

  const page = async (authorization?: string) =>
    (
      await t.app.inject({
        url: `/products/${product}/reviews`,
        headers: authorization ? { authorization } : {},
      })
    ).json<ReviewPage>();
  const write = (body: object) =>
    t.app.inject({
      method: 'POST',
      url: `/products/${product}/reviews`,
      payload: body,
      headers: { authorization: buyer },
    });

  it('refuses a review from a customer who has not received the product', async () => {
    expect((await page(buyer)).canReview).toBe(false);
    expect((await write({ rating: 5 })).json()).toMatchObject({ code: 'REVIEW_NOT_ALLOWED', status: 403 });
  });

  it('still refuses after the order is confirmed but not yet delivered', async () => {
    const orderId = uuidv7();
    const line = { variantId: demoVariantId(12), productId: product, sellerId: DEMO_IDS.seller };
    await deliver(
      t.db.sql,
      onOrderPlaced(recordingLogger()),
      envelope(OrderPlaced, placed(orderId, buyerId, [line])),
    );
    await deliver(
      t.db.sql,
      onOrderConfirmed(recordingLogger()),
      envelope(OrderConfirmed, { orderId, confirmedAt: new Date().toISOString() }),
    );
    expect((await write({ rating: 5 })).statusCode).toBe(403);
    await deliver(
      t.db.sql,
      onShipmentDelivered,
      envelope(ShipmentDelivered, {
        shipmentId: uuidv7(),
        orderId,
        customerId: buyerId,
        lines: [{ variantId: demoVariantId(12), productId: product, quantity: 1 }],
        deliveredAt: new Date().toISOString(),
      }),
    );
    expect((await page(buyer)).canReview).toBe(true);
  });

  it('accepts one review per customer and keeps the product rating and count current', async () => {
    const before = await page();
    const response = await write({
      rating: 1,
      title: 'Broke in a week',
      body: 'The left ear stopped working.',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<Review>()).toMatchObject({ rating: 1, authorName: 'Aruzhan', answer: null });
    const after = await page(buyer);
    expect(after.reviewCount).toBe(before.reviewCount + 1);
    expect(after.canReview).toBe(false);
    const [row] = await t.db.sql<
      { rating: string; review_count: number }[]
    >`select rating, review_count from products where id = ${product}`;
    const [avg] = await t.db.sql<
      { avg: string }[]
    >`select round(avg(rating), 1) as avg from reviews where product_id = ${product} and not hidden`;
    expect(row).toEqual({ rating: avg?.avg, review_count: after.reviewCount });
    expect((await write({ rating: 5 })).json()).toMatchObject({ code: 'REVIEW_EXISTS' });
  });

  it("lets the product's seller answer, and no other seller", async () => {
    const review = (await page()).items.find((r) => r.authorName === 'Aruzhan');
    const answer = (authorization: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/seller/reviews/${review?.id}/answer`,
        payload: { body: 'Sorry! We will replace them.' },
        headers: { authorization },
      });
    expect((await answer(otherSeller)).statusCode).toBe(403);
    const ok = await answer(seller);
    expect(ok.json<Review>().answer?.body).toBe('Sorry! We will replace them.');
    const inbox = (
      await t.app.inject({ url: '/seller/reviews?unanswered=true', headers: { authorization: seller } })
    ).json<{ items: Review[] }>();
    expect(inbox.items.some((r) => r.id === review?.id)).toBe(false);
  });

  it('lets an admin hide a review with a reason, which takes it out of the rating', async () => {
    const review = (await page()).items.find((r) => r.authorName === 'Aruzhan');
    const hide = await t.app.inject({
      method: 'PATCH',
      url: `/admin/reviews/${review?.id}`,
      payload: { hidden: true, reason: 'Spam' },
      headers: { authorization: admin },
    });
    expect(hide.json<Review>()).toMatchObject({ hidden: true, hiddenReason: 'Spam' });
    const publicPage = await page();
    expect(publicPage.items.some((r) => r.id === review?.id)).toBe(false);
    expect(publicPage.distribution[0]).toBe(0);
    expect((await page(admin)).items.some((r) => r.id === review?.id)).toBe(true);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/admin/reviews/${review?.id}`,
          payload: { hidden: false },
          headers: { authorization: seller },
        })
      ).statusCode,
    ).toBe(403);
  });
});
