import {
  DEMO_IDS,
  OrderCancelled,
  OrderConfirmed,
  OrderPlaced,
  demoProductId,
  demoVariantId,
  type GiftCard,
} from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { onOrderCancelled } from '../events/on-order-cancelled.ts';
import { onOrderConfirmed } from '../events/on-order-confirmed.ts';
import { onOrderPlaced } from '../events/on-order-placed.ts';
import { deliver, envelope, placed, recordingLogger } from '../test/commerce-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';

describe('gift cards bought as a product', () => {
  let t: ShopTestApp;
  let admin: string;
  let customer: string;
  const log = recordingLogger();
  const card = { productId: demoProductId(3), variantId: demoVariantId(3), sellerId: DEMO_IDS.seller };
  const other = { productId: demoProductId(4), variantId: demoVariantId(4), sellerId: DEMO_IDS.seller };

  beforeAll(async () => {
    t = await createShopTestApp();
    await seedDemo(t.db.sql);
    admin = `Bearer ${await t.tokens.sign({ id: DEMO_IDS.admin, roles: ['admin'] })}`;
    customer = `Bearer ${await t.tokens.sign({ id: DEMO_IDS.customer, roles: ['customer'] })}`;
  });
  afterAll(async () => t.close());

  const mark = (productId: string, giftCard: boolean, authorization = admin) =>
    t.app.inject({
      method: 'PUT',
      url: `/admin/catalog/products/${productId}/gift-card`,
      headers: { authorization },
      payload: { giftCard },
    });
  const order = async (quantity: number) => {
    const orderId = uuidv7();
    const event = placed(orderId, DEMO_IDS.customer, [card, other]);
    event.lines = event.lines.map((l) => (l.variantId === card.variantId ? { ...l, quantity } : l));
    await deliver(t.db.sql, onOrderPlaced(log), envelope(OrderPlaced, event));
    return orderId;
  };
  const confirm = (orderId: string) =>
    deliver(
      t.db.sql,
      onOrderConfirmed(log),
      envelope(OrderConfirmed, { orderId, confirmedAt: new Date().toISOString() }),
    );
  const mine = async () =>
    (await t.app.inject({ url: '/shop/gift-cards', headers: { authorization: customer } })).json<{
      items: GiftCard[];
    }>().items;

  it('lets only an admin make a product sell gift cards', async () => {
    expect((await mark(card.productId, true, customer)).statusCode).toBe(403);
    expect((await mark(uuidv7(), true)).statusCode).toBe(404);
    expect((await mark(card.productId, true)).statusCode).toBe(204);
  });

  it('issues one card per unit at the variant’s price when the order is confirmed, once, and announces it', async () => {
    const [variant] = await t.db.sql<{ price_amount: string }[]>`
      select price_amount from product_variants where id = ${card.variantId}`;
    const orderId = await order(2);
    expect(await mine()).toEqual([]);
    await confirm(orderId);
    await confirm(orderId);
    const cards = (await mine()).filter((c) => c.note.includes(orderId));
    expect(cards).toHaveLength(2);
    expect(
      cards.every((c) => c.balance.amount === Number(variant?.price_amount) && c.status === 'active'),
    ).toBe(true);
    const events = await t.db.sql<{ payload: { code: string; orderId: string } }[]>`
      select payload from outbox where type = 'shop.giftcard.issued.v1' and payload ->> 'orderId' = ${orderId}`;
    expect(events.map((e) => e.payload.code).sort()).toEqual(cards.map((c) => c.code).sort());
    const [ledger] = await t.db.sql<{ n: number }[]>`
      select count(*)::int as n from gift_card_ledger l join gift_cards g on g.id = l.gift_card_id
      where g.order_id = ${orderId} and l.kind = 'issue'`;
    expect(ledger?.n).toBe(2);
  });

  it('disables the cards of an order that is cancelled', async () => {
    const orderId = await order(1);
    await confirm(orderId);
    await deliver(
      t.db.sql,
      onOrderCancelled,
      envelope(OrderCancelled, { orderId, reason: 'customer', cancelledAt: new Date().toISOString() }),
    );
    expect((await mine()).find((c) => c.note.includes(orderId))?.status).toBe('disabled');
  });

  it('shows a customer only their own cards', async () => {
    const stranger = `Bearer ${await t.tokens.sign({ id: uuidv7(), roles: ['customer'] })}`;
    const theirs = await t.app.inject({ url: '/shop/gift-cards', headers: { authorization: stranger } });
    expect(theirs.json()).toEqual({ items: [] });
    expect((await t.app.inject({ url: '/shop/gift-cards' })).statusCode).toBe(401);
  });
});
