import {
  DEMO_IDS,
  ParcelCreated,
  ReturnInspected,
  ShipmentCreated,
  ShipmentStatusChanged,
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
  type Customer,
  within,
} from '../test/journey.ts';
import type { RunningOrders } from '../test/start-orders.ts';
import { startTestSystem, type TestSystem } from '../test/system.ts';

// Real services on a shared, busy machine: a journey may take long; it never waits on a fixed sleep.
vi.setConfig({ testTimeout: 180_000 });

describe('after the sale, with the real services', () => {
  let system: TestSystem;
  let orders: RunningOrders;
  let bus: EventTransport;
  beforeAll(async () => {
    system = await startTestSystem();
    orders = await system.startOrders({ settings: { PAYMENT_ACTION_TIMEOUT_MS: 60_000 } });
    bus = system.transport();
  }, 120_000);
  afterAll(async () => system?.close(), 60_000);

  const intentStatus = async (orderId: string) =>
    (
      await system.dbs.payment<{ status: string; amount_captured: string; amount_refunded: string }[]>`
      select status, amount_captured, amount_refunded from payment_intents where order_id = ${orderId}`
    )[0];
  const reserved = async (orderId: string) =>
    (
      await system.dbs.stock<
        { status: string }[]
      >`select status from reservations where order_id = ${orderId}`
    )[0]?.status;
  const placeWith = async (customer: Customer, card: string, products = [12]) => {
    for (const n of products) await addToCart(orders.app, customer, n, 2);
    const response = await checkout(orders.app, customer, {
      method: 'card',
      token: await cardToken(system, customer, card),
    });
    return response.json<{ order: Order }>().order;
  };
  const cancel = (customer: Customer, id: string, body: object = {}) =>
    orders.app.inject({
      method: 'POST',
      url: `/orders/${id}/cancel`,
      headers: customer.headers,
      payload: body,
    });
  const packed = async (order: Order, lineIds = order.lines.map((l) => l.id)) => {
    const parcelId = uuidv7();
    await publish(bus, ParcelCreated, {
      parcelId,
      parcelCode: 'PC-TEST0001',
      orderId: order.id,
      depotId: order.sellerOrders[0]?.depotId ?? uuidv7(),
      sellerIds: [DEMO_IDS.seller],
      lines: order.lines
        .filter((l) => lineIds.includes(l.id))
        .map((l) => ({ lineId: l.id, variantId: l.variantId, quantity: l.quantity - l.cancelledQuantity })),
      weightGrams: 900,
      dimensionsCm: { l: 30, w: 20, h: 10 },
      recipient: order.shippingAddress,
      createdAt: new Date().toISOString(),
    });
    return parcelId;
  };
  const shipment = async (
    order: Order,
    parcelId: string,
    status: 'in_transit' | 'out_for_delivery' | 'delivered',
    kind: 'outbound' | 'return' = 'outbound',
    returnId?: string,
  ) =>
    publish(bus, ShipmentStatusChanged, {
      shipmentId: uuidv7(),
      trackingNumber: 'SD123456785KZ',
      kind,
      orderId: order.id,
      ...(kind === 'outbound' ? { parcelId } : {}),
      ...(returnId ? { returnId } : {}),
      status,
      previousStatus: null,
      at: new Date().toISOString(),
    });

  it('cancels a pending order before stock has answered: nothing stays reserved or is charged', async () => {
    await orders.crash();
    const quiet = await system.startOrders({ saga: false });
    const customer = await newCustomer(system);
    let placed: Order;
    try {
      await addToCart(quiet.app, customer, 13, 1);
      placed = (await checkout(quiet.app, customer, { method: 'cod' })).json<{ order: Order }>().order;
      const response = await quiet.app.inject({
        method: 'POST',
        url: `/orders/${placed.id}/cancel`,
        headers: customer.headers,
        payload: {},
      });
      expect(response.json<Order>()).toMatchObject({ status: 'cancelled', cancellable: false });
    } finally {
      await quiet.crash();
      orders = await system.startOrders({ settings: { PAYMENT_ACTION_TIMEOUT_MS: 60_000 } });
    }
    // The placement left with the checkout and the cancellation follows it: stock releases what it held
    // (or keeps a tombstone, had the cancellation come first), so nothing stays reserved.
    const sent = await system.dbs.orders.sql<{ type: string }[]>`
      select type from outbox where payload->>'orderId' = ${placed.id} order by id`;
    expect(sent.map((row) => row.type)).toEqual(['orders.order.placed.v1', 'orders.order.cancelled.v1']);
    await within(async () => expect(await reserved(placed.id)).toBe('cancelled'));
  });

  it('cancels while payment is down (awaiting_payment): the reservation is released and nothing is charged later', async () => {
    const customer = await newCustomer(system);
    const token = await cardToken(system, customer, '4242424242424242');
    await addToCart(orders.app, customer, 14, 1);
    system.paymentProxy.close();
    try {
      const placed = (await checkout(orders.app, customer, { method: 'card', token })).json<{
        order: Order;
      }>().order;
      await waitForStatus(orders.app, customer, placed.id, 'awaiting_payment');
      expect((await cancel(customer, placed.id)).json<Order>().status).toBe('cancelled');
      system.paymentProxy.open();
      await within(async () => expect(await reserved(placed.id)).toBe('cancelled'));
      expect(await intentStatus(placed.id)).toBeUndefined();
    } finally {
      system.paymentProxy.open();
    }
  });

  it('cancels while the customer is asked for 3-D Secure: the intent is voided', async () => {
    const customer = await newCustomer(system);
    const placed = await placeWith(customer, '4000000000003220', [15]);
    await waitForStatus(orders.app, customer, placed.id, 'requires_action');
    expect((await cancel(customer, placed.id)).json<Order>().status).toBe('cancelled');
    await within(async () => expect((await intentStatus(placed.id))?.status).toBe('voided'));
  });

  it('cancels a confirmed order: stock released, authorization voided, a mail in the customer language', async () => {
    const customer = await newCustomer(system);
    const placed = await placeWith(customer, '4242424242424242', [16]);
    await waitForStatus(orders.app, customer, placed.id, 'confirmed');
    expect((await cancel(customer, placed.id, { reason: 'changed my mind' })).json<Order>().status).toBe(
      'cancelled',
    );
    await within(async () => {
      expect((await intentStatus(placed.id))?.status).toBe('voided');
      expect(await reserved(placed.id)).not.toBe('active');
    });
    const [mail] = await system.dbs.orders.sql<{ subject: string }[]>`
      select subject from email_outbox where order_id = ${placed.id} and template = 'cancelled'`;
    expect(mail?.subject).toMatch(/отменён/);
  });

  it('a packed order: the customer may no longer cancel, an admin still may; a shipped one nobody', async () => {
    const customer = await newCustomer(system);
    const admin = { authorization: `Bearer ${await system.token(DEMO_IDS.admin, ['admin'])}` };
    const placed = await placeWith(customer, '4242424242424242', [17]);
    const order = await waitForStatus(orders.app, customer, placed.id, 'confirmed');
    await packed(order);
    await waitForStatus(orders.app, customer, placed.id, 'packed');
    expect((await cancel(customer, placed.id)).json()).toMatchObject({ code: 'ORDER_NOT_CANCELLABLE' });
    const byAdmin = await orders.app.inject({
      method: 'POST',
      url: `/admin/orders/${placed.id}/cancel`,
      headers: admin,
      payload: { reason: 'fraud check' },
    });
    const adminView = byAdmin.json<{ status: string; saga: Array<{ step: string }> }>();
    expect(adminView.status).toBe('cancelled');
    expect(adminView.saga.map((s) => s.step)).toContain('cancel');

    const other = await newCustomer(system);
    const second = await placeWith(other, '4242424242424242', [18]);
    const confirmed = await waitForStatus(orders.app, other, second.id, 'confirmed');
    const parcel = await packed(confirmed);
    await waitForStatus(orders.app, other, second.id, 'packed');
    await shipment(confirmed, parcel, 'in_transit');
    await waitForStatus(orders.app, other, second.id, 'shipped');
    const late = await orders.app.inject({
      method: 'POST',
      url: `/admin/orders/${second.id}/cancel`,
      headers: admin,
      payload: {},
    });
    expect(late.json()).toMatchObject({ code: 'ORDER_NOT_CANCELLABLE' });
  });

  it('a seller cancels one line as out of stock, the rest ships: captured less that line, delivered, then returned and refunded', async () => {
    const customer = await newCustomer(system);
    const seller = { authorization: `Bearer ${await system.token(DEMO_IDS.seller, ['seller'])}` };
    const placed = await placeWith(customer, '4242424242424242', [19, 20]);
    const order = await waitForStatus(orders.app, customer, placed.id, 'confirmed');
    const [gone, kept] = order.lines as [Order['lines'][number], Order['lines'][number]];
    const part = order.sellerOrders.find((s) => s.lineIds.includes(gone.id));
    const mine = await orders.app.inject({ url: '/seller/orders', headers: seller });
    expect(mine.json<{ items: Array<{ id: string }> }>().items.map((s) => s.id)).toContain(part?.id);
    const cut = await orders.app.inject({
      method: 'POST',
      url: `/seller/orders/${part?.id}/cancel`,
      headers: seller,
      payload: { lineIds: [gone.id] },
    });
    expect(cut.statusCode).toBe(200);

    const after = (
      await orders.app.inject({ url: `/orders/${placed.id}`, headers: customer.headers })
    ).json<Order>();
    expect(after.lines.find((l) => l.id === gone.id)?.cancelledQuantity).toBe(gone.quantity);
    const parcel = await packed(after, [kept.id]);
    await waitForStatus(orders.app, customer, placed.id, 'packed');
    await publish(bus, ShipmentCreated, {
      shipmentId: uuidv7(),
      trackingNumber: 'SD123456785KZ',
      kind: 'outbound',
      orderId: order.id,
      parcelId: parcel,
      sellerIds: [DEMO_IDS.seller],
      lines: [],
      recipient: order.shippingAddress,
      weightGrams: 900,
      dimensionsCm: { l: 1, w: 1, h: 1 },
      promisedDate: order.delivery.promisedDate,
      createdAt: new Date().toISOString(),
    });
    await shipment(after, parcel, 'out_for_delivery');
    await waitForStatus(orders.app, customer, placed.id, 'out_for_delivery');
    const payable = order.totals.payable.amount;
    const gonePaid = Math.floor(
      (gone.total.amount * (payable - order.totals.deliveryFee.amount)) / order.totals.total.amount,
    );
    await within(async () =>
      expect(Number((await intentStatus(placed.id))?.amount_captured)).toBe(payable - gonePaid),
    );
    await shipment(after, parcel, 'delivered');
    const delivered = await waitForStatus(orders.app, customer, placed.id, 'delivered');
    expect(delivered.sellerOrders.flatMap((s) => s.parcels).map((p) => p.trackingNumber)).toContain(
      'SD123456785KZ',
    );
    expect(delivered.returnableLineIds).toEqual([kept.id]);

    const asked = await orders.app.inject({
      method: 'POST',
      url: `/orders/${placed.id}/returns`,
      headers: customer.headers,
      payload: {
        lines: [{ lineId: kept.id, quantity: 1, reason: 'size_or_fit' }],
        comment: 'too small',
        refundTo: 'wallet',
      },
    });
    expect(asked.statusCode).toBe(201);
    const ret = asked.json<ReturnRequest>();
    const tooMany = await orders.app.inject({
      method: 'POST',
      url: `/orders/${placed.id}/returns`,
      headers: customer.headers,
      payload: { lines: [{ lineId: kept.id, quantity: kept.quantity, reason: 'other' }] },
    });
    expect(tooMany.json()).toMatchObject({ code: 'RETURN_NOT_ALLOWED' });
    const approved = await orders.app.inject({
      method: 'POST',
      url: `/seller/returns/${ret.id}/approve`,
      headers: seller,
      payload: {},
    });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    const [event] = await system.dbs.orders
      .sql`select payload from outbox where type = 'orders.return.approved.v1' and payload->>'returnId' = ${ret.id}`;
    expect(event).toBeDefined();
    await shipment(after, parcel, 'in_transit', 'return', ret.id);
    await publish(bus, ReturnInspected, {
      returnId: ret.id,
      orderId: order.id,
      depotId: part?.depotId ?? uuidv7(),
      lines: [{ lineId: kept.id, variantId: kept.variantId, quantity: 1, condition: 'resellable' }],
      inspectedAt: new Date().toISOString(),
    });
    const unit = Math.floor(
      (Math.floor(kept.total.amount / kept.quantity) * (payable - order.totals.deliveryFee.amount)) /
        order.totals.total.amount,
    );
    // The return turns refunded when payment answers; the order's refunded total follows payment's event.
    const refunded = await within(async () => {
      const now = (
        await orders.app.inject({ url: `/orders/${placed.id}`, headers: customer.headers })
      ).json<Order>();
      expect(now.returns[0]?.status).toBe('refunded');
      expect(now.totals.refunded.amount).toBe(unit);
      return now;
    });
    expect(refunded.returns[0]?.refund?.amount).toBe(unit);
    expect(refunded.totals.refunded.amount).toBe(unit);
    expect(Number((await intentStatus(placed.id))?.amount_refunded)).toBe(unit);
  });
});
