import {
  DEMO_IDS,
  OrderLinesCancelled,
  ParcelCreated,
  ReturnInspected,
  ShipmentStatusChanged,
  type EventData,
  type Order,
  type ReturnRequest,
} from '@sauda/contracts';
import type { EventTransport } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addToCart,
  cardToken,
  checkout,
  newCustomer,
  publish,
  waitForStatus,
  within,
} from '../test/journey.ts';
import type { RunningOrders } from '../test/start-orders.ts';
import { startTestSystem, type TestSystem } from '../test/system.ts';
import { takeBackSplit } from './money.ts';

// Real services on a shared, busy machine: a journey may take long; it never waits on a fixed sleep.
vi.setConfig({ testTimeout: 240_000 });

describe('partial cancellation and returns with a gift card, with the real services (issue 13)', () => {
  let system: TestSystem;
  let orders: RunningOrders;
  let bus: EventTransport;
  beforeAll(async () => {
    system = await startTestSystem();
    orders = await system.startOrders();
    bus = system.transport();
  }, 180_000);
  afterAll(async () => system?.close(), 60_000);

  // One statement, so both figures come from one snapshot: stock commits the units and opens the pick task
  // in one transaction, and two separate reads could fall on either side of it.
  const stock = async (orderId: string, variantId: string) => {
    const [row] = await system.dbs.stock<{ committed: number; picking: number }[]>`
      select
        (select coalesce(sum(committed), 0)::int from stock_levels where variant_id = ${variantId}) as committed,
        (select coalesce(sum(l.quantity), 0)::int from pick_tasks t join pick_lines l on l.task_id = t.id
         where t.order_id = ${orderId} and l.variant_id = ${variantId} and t.status <> 'cancelled') as picking`;
    return { committed: row?.committed ?? 0, picking: row?.picking ?? 0 };
  };
  const giftCard = async (code: string) => {
    const [card] = await system.dbs.shop<{ balance: string; initial_amount: string }[]>`
      select balance, initial_amount from gift_cards where code = ${code}`;
    const ledger = await system.dbs.shop<{ kind: string; amount: string }[]>`
      select l.kind, l.amount from gift_card_ledger l join gift_cards c on c.id = l.gift_card_id
      where c.code = ${code} order by l.created_at, l.id`;
    return {
      balance: Number(card?.balance),
      initial: Number(card?.initial_amount),
      ledger: ledger.map((r) => ({ kind: r.kind, amount: Number(r.amount) })),
    };
  };
  const intent = async (orderId: string) => {
    const [row] = await system.dbs.payment<{ amount_captured: string; amount_refunded: string }[]>`
      select amount_captured, amount_refunded from payment_intents where order_id = ${orderId}`;
    return { captured: Number(row?.amount_captured ?? 0), refunded: Number(row?.amount_refunded ?? 0) };
  };
  const shipment = (
    order: Order,
    parcelId: string,
    status: 'out_for_delivery' | 'delivered' | 'in_transit',
    returnId?: string,
  ) =>
    publish(bus, ShipmentStatusChanged, {
      shipmentId: uuidv7(),
      trackingNumber: 'SD123456785KZ',
      kind: returnId ? 'return' : 'outbound',
      orderId: order.id,
      ...(returnId ? { returnId } : { parcelId }),
      status,
      previousStatus: null,
      at: new Date().toISOString(),
    });

  it('releases the cancelled line in stock, refills the gift card by its share, charges exactly the rest; a return does the same; the money adds up', async () => {
    const admin = { authorization: `Bearer ${await system.token(DEMO_IDS.admin, ['admin'])}` };
    const seller = { authorization: `Bearer ${await system.token(DEMO_IDS.seller, ['seller'])}` };
    const code = `H8-${uuidv7().slice(-12).toUpperCase()}`;
    const issued = await fetch(`${system.urls.shop}/admin/gift-cards`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: { amount: 3000_00, currency: 'KZT' }, code }),
    });
    expect(issued.status).toBe(201);

    const customer = await newCustomer(system);
    await addToCart(orders.app, customer, 21, 2);
    await addToCart(orders.app, customer, 22, 3);
    const applied = await orders.app.inject({
      method: 'POST',
      url: '/cart/gift-cards',
      headers: customer.headers,
      payload: { code },
    });
    expect(applied.statusCode).toBe(200);
    const promo = await orders.app.inject({
      method: 'POST',
      url: '/cart/promo',
      headers: customer.headers,
      payload: { code: 'WELCOME10' },
    });
    expect(promo.statusCode).toBe(200);
    const token = await cardToken(system, customer, '4242424242424242');
    const placed = (await checkout(orders.app, customer, { method: 'card', token })).json<{ order: Order }>()
      .order;
    const order = await waitForStatus(orders.app, customer, placed.id, 'confirmed');
    const { total, payable, deliveryFee, giftCardAmount } = order.totals;
    expect(giftCardAmount.amount).toBe(3000_00);
    // A discount applies: line totals are after it, so what is taken back carries the line's share of it.
    expect(order.totals.discount.amount).toBeGreaterThan(0);
    expect(order.lines.reduce((sum, l) => sum + l.total.amount, 0)).toBe(total.amount);
    const goodsPaid = payable.amount - deliveryFee.amount;
    const [gone, kept] = order.lines as [Order['lines'][number], Order['lines'][number]];
    // Stock committed the order and opened its pick task.
    const before = await within(async () => {
      const s = await stock(order.id, gone.variantId);
      expect(s.picking).toBe(gone.quantity);
      return s;
    });

    const part = order.sellerOrders.find((s) => s.lineIds.includes(gone.id));
    const cut = await orders.app.inject({
      method: 'POST',
      url: `/seller/orders/${part?.id}/cancel`,
      headers: seller,
      payload: { lineIds: [gone.id], reason: 'out of stock' },
    });
    expect(cut.statusCode).toBe(200);
    // The line's value (its discount included: line totals are after discounts) splits by the rule.
    const first = takeBackSplit(gone.total.amount, 0, goodsPaid, total.amount);
    expect(first.paid + first.gift).toBe(gone.total.amount);
    expect(first.gift).toBeGreaterThan(0);

    await within(async () => {
      const s = await stock(order.id, gone.variantId);
      expect(s.picking).toBe(0);
      expect(s.committed).toBe(before.committed - gone.quantity);
      const card = await giftCard(code);
      expect(card.balance).toBe(card.initial - giftCardAmount.amount + first.gift);
    });
    const [release] = await system.dbs.stock<{ committed: number }[]>`
      select committed from movements where ref = ${`order:${order.id}`} and kind = 'release' and variant_id = ${gone.variantId}`;
    expect(release?.committed).toBe(-gone.quantity);

    // The same cancellation seen again changes nothing: stock aims at a target, shop keys the refund.
    const [event] = await system.dbs.orders.sql<{ payload: EventData<typeof OrderLinesCancelled> }[]>`
      select payload from outbox where type = 'orders.order.lines_cancelled.v1' and payload->>'orderId' = ${order.id}`;
    expect(event?.payload.lines).toEqual([
      { lineId: gone.id, variantId: gone.variantId, cancelled: gone.quantity, remaining: 0 },
    ]);
    const replayId = uuidv7();
    await bus.publish({
      id: replayId,
      type: OrderLinesCancelled.type,
      occurredAt: new Date().toISOString(),
      source: 'orders',
      data: event!.payload,
      headers: {},
    });
    await within(async () => {
      for (const db of [system.dbs.stock, system.dbs.shop]) {
        const handled = await db`select 1 from inbox where event_id = ${replayId}`;
        expect(handled).toHaveLength(1);
      }
    });
    expect(await stock(order.id, gone.variantId)).toEqual({
      committed: before.committed - gone.quantity,
      picking: 0,
    });
    const refills = (await giftCard(code)).ledger.filter((r) => r.kind === 'refund');
    expect(refills).toEqual([{ kind: 'refund', amount: first.gift }]);

    // The rest ships; payment captures exactly what is left to pay.
    const parcelId = uuidv7();
    await publish(bus, ParcelCreated, {
      parcelId,
      parcelCode: 'PC-TEST0002',
      orderId: order.id,
      depotId: part?.depotId ?? uuidv7(),
      sellerIds: [DEMO_IDS.seller],
      lines: [{ lineId: kept.id, variantId: kept.variantId, quantity: kept.quantity }],
      weightGrams: 900,
      dimensionsCm: { l: 30, w: 20, h: 10 },
      recipient: order.shippingAddress,
      createdAt: new Date().toISOString(),
    });
    await waitForStatus(orders.app, customer, order.id, 'packed');
    await shipment(order, parcelId, 'out_for_delivery');
    await within(async () => expect((await intent(order.id)).captured).toBe(payable.amount - first.paid));
    await shipment(order, parcelId, 'delivered');
    await waitForStatus(orders.app, customer, order.id, 'delivered');

    // A return of one unit: refunded through the payment and the gift card by the same cumulative rule.
    const asked = await orders.app.inject({
      method: 'POST',
      url: `/orders/${order.id}/returns`,
      headers: customer.headers,
      payload: { lines: [{ lineId: kept.id, quantity: 1, reason: 'damaged' }], comment: 'cracked' },
    });
    expect(asked.statusCode).toBe(201);
    const ret = asked.json<ReturnRequest>();
    const approved = await orders.app.inject({
      method: 'POST',
      url: `/seller/returns/${ret.id}/approve`,
      headers: seller,
      payload: {},
    });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    await shipment(order, parcelId, 'in_transit', ret.id);
    await publish(bus, ReturnInspected, {
      returnId: ret.id,
      orderId: order.id,
      depotId: part?.depotId ?? uuidv7(),
      lines: [{ lineId: kept.id, variantId: kept.variantId, quantity: 1, condition: 'damaged' }],
      inspectedAt: new Date().toISOString(),
    });
    const unit = Math.floor(kept.total.amount / kept.quantity);
    const second = takeBackSplit(unit, gone.total.amount, goodsPaid, total.amount);
    const done = await within(async () => {
      const now = (
        await orders.app.inject({ url: `/orders/${order.id}`, headers: customer.headers })
      ).json<Order>();
      expect(now.returns[0]?.status).toBe('refunded');
      const card = await giftCard(code);
      expect(card.balance).toBe(card.initial - giftCardAmount.amount + first.gift + second.gift);
      return now;
    });
    expect(done.returns[0]?.refund?.amount).toBe(unit);
    expect(done.totals.refunded.amount).toBe(second.paid);
    const money = await intent(order.id);
    expect(money.refunded).toBe(second.paid);

    // Conservation: what the marketplace keeps, card and gift card together, is the order less what came back.
    const card = await giftCard(code);
    const giftKept = -card.ledger.filter((r) => r.kind !== 'issue').reduce((sum, r) => sum + r.amount, 0);
    expect(money.captured - money.refunded + giftKept).toBe(
      total.amount + deliveryFee.amount - gone.total.amount - unit,
    );
    const mails = await system.dbs.orders.sql<{ template: string }[]>`
      select template from email_outbox where order_id = ${order.id} order by created_at`;
    expect(mails.map((m) => m.template)).toEqual(
      expect.arrayContaining(['lines_cancelled', 'out_for_delivery', 'return_received', 'refunded']),
    );
  });
});
