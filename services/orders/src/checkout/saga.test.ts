import { demoVariantId, type Order } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningOrders } from '../test/start-orders.ts';
import { startTestSystem, type TestSystem } from '../test/system.ts';
import {
  addToCart,
  available,
  cardToken,
  checkout,
  newCustomer,
  setStock,
  waitForStatus,
  type Customer,
  within,
} from '../test/journey.ts';

// Real services on a shared, busy machine: a journey may take long; it never waits on a fixed sleep.
vi.setConfig({ testTimeout: 180_000 });

describe('the checkout saga with the real services', () => {
  let system: TestSystem;
  let orders: RunningOrders;
  beforeAll(async () => {
    system = await startTestSystem();
    orders = await system.startOrders({ settings: { PAYMENT_ACTION_TIMEOUT_MS: 10_000 } });
  }, 120_000);
  afterAll(async () => system?.close(), 60_000);

  it('happy path: a card order is reserved, authorized and confirmed, one seller order per seller and depot', async () => {
    const customer = await newCustomer(system);
    await addToCart(orders.app, customer, 1, 2);
    await addToCart(orders.app, customer, 10, 1);
    const before = await available(system, demoVariantId(1));
    const response = await checkout(orders.app, customer, {
      method: 'card',
      token: await cardToken(system, customer, '4242424242424242'),
    });
    expect(response.statusCode).toBe(202);
    const placed = response.json<{ order: Order }>().order;
    expect(placed.status).toBe('pending');
    expect(placed.number).toMatch(/^SD-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const order = await waitForStatus(orders.app, customer, placed.id, 'confirmed');
    expect(order.payment).toMatchObject({ method: 'card', status: 'authorized' });
    expect(order.payment.intentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(order.sellerOrders.length).toBeGreaterThanOrEqual(1);
    expect(order.sellerOrders.every((s) => s.status === 'confirmed' && s.depotId)).toBe(true);
    expect(await available(system, demoVariantId(1))).toBe(before - 2);
    const cart = (await orders.app.inject({ url: '/cart', headers: customer.headers })).json<{
      items: unknown[];
    }>();
    expect(cart.items).toEqual([]);
    const mails = await system.dbs.orders.sql<{ template: string; locale: string }[]>`
      select template, locale from email_outbox where order_id = ${placed.id} order by created_at`;
    expect(mails).toEqual([
      { template: 'placed', locale: 'ru' },
      { template: 'confirmed', locale: 'ru' },
    ]);
  });

  it('out of stock: stock rejects, the order fails clearly, nothing is charged and the cart is back', async () => {
    const customer = await newCustomer(system);
    await setStock(system, demoVariantId(5), 0);
    await addToCart(orders.app, customer, 5, 1);
    const placed = (
      await checkout(orders.app, customer, {
        method: 'card',
        token: await cardToken(system, customer, '4242424242424242'),
      })
    ).json<{ order: Order }>().order;
    const order = await waitForStatus(orders.app, customer, placed.id, 'failed');
    expect(order.failureReason).toBe('out_of_stock');
    expect(order.payment.intentId).toBeNull();
    const cart = (await orders.app.inject({ url: '/cart', headers: customer.headers })).json<{
      items: Array<{ variantId: string }>;
    }>();
    expect(cart.items.map((i) => i.variantId)).toEqual([demoVariantId(5)]);
  });

  it('payment declined: the order fails with the bank reason and the reservation is released', async () => {
    const customer = await newCustomer(system);
    await addToCart(orders.app, customer, 2, 1);
    const before = await available(system, demoVariantId(2));
    const placed = (
      await checkout(orders.app, customer, {
        method: 'card',
        token: await cardToken(system, customer, '4000000000000002'),
      })
    ).json<{ order: Order }>().order;
    const order = await waitForStatus(orders.app, customer, placed.id, 'failed');
    expect(order).toMatchObject({
      failureReason: 'payment_declined',
      payment: { failureReason: 'do_not_honour' },
    });
    await within(async () => expect(await available(system, demoVariantId(2))).toBe(before));
  });

  it('3-D Secure passed: the order waits for the customer, who confirms at the bank; then it is confirmed', async () => {
    const customer = await newCustomer(system);
    await addToCart(orders.app, customer, 3, 1);
    const placed = (
      await checkout(orders.app, customer, {
        method: 'card',
        token: await cardToken(system, customer, '4000000000003220'),
      })
    ).json<{ order: Order }>().order;
    const waiting = await waitForStatus(orders.app, customer, placed.id, 'requires_action');
    expect(waiting.payment.actionUrl).toMatch(/^\/payment\/challenge\//);
    const challengeId = waiting.payment.actionUrl?.split('/').pop() ?? '';
    const approved = await fetch(`${system.urls.payment}/payment/sandbox/challenges/${challengeId}`, {
      method: 'POST',
      headers: { ...customer.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'approve' }),
    });
    expect(((await approved.json()) as { returnUrl?: string }).returnUrl).toBe(`/orders/${placed.id}`);
    await waitForStatus(orders.app, customer, placed.id, 'confirmed');
  });

  it('3-D Secure abandoned: after the timeout the order fails, the intent is voided and the stock released', async () => {
    const customer = await newCustomer(system);
    await addToCart(orders.app, customer, 4, 1);
    const before = await available(system, demoVariantId(4));
    const placed = (
      await checkout(orders.app, customer, {
        method: 'card',
        token: await cardToken(system, customer, '4000000000003220'),
      })
    ).json<{ order: Order }>().order;
    await waitForStatus(orders.app, customer, placed.id, 'requires_action');
    const order = await waitForStatus(orders.app, customer, placed.id, 'failed');
    expect(order.failureReason).toBe('payment_action_abandoned');
    await within(async () => {
      const [intent] = await system.dbs.payment<
        { status: string }[]
      >`select status from payment_intents where order_id = ${placed.id}`;
      expect(intent?.status).toBe('voided');
      expect(await available(system, demoVariantId(4))).toBe(before);
    });
  });

  it('payment stopped: the order waits awaiting_payment and completes when payment is back, charged once', async () => {
    const customer = await newCustomer(system);
    await addToCart(orders.app, customer, 6, 1);
    const token = await cardToken(system, customer, '4242424242424242');
    system.paymentProxy.close();
    try {
      const placed = (await checkout(orders.app, customer, { method: 'card', token })).json<{
        order: Order;
      }>().order;
      await waitForStatus(orders.app, customer, placed.id, 'awaiting_payment');
      const history = (await orders.app.inject({ url: '/orders', headers: customer.headers })).json<{
        total: number;
      }>();
      expect(history.total).toBe(1); // order history works without payment
      system.paymentProxy.open();
      await waitForStatus(orders.app, customer, placed.id, 'confirmed');
      const intents = await system.dbs.payment`select id from payment_intents where order_id = ${placed.id}`;
      expect(intents).toHaveLength(1);
    } finally {
      system.paymentProxy.open();
    }
  });

  it('the same Idempotency-Key twice (at once, then again) makes one order; another body under it is refused', async () => {
    const customer = await newCustomer(system);
    await addToCart(orders.app, customer, 7, 1);
    const token = await cardToken(system, customer, '4242424242424242');
    const key = `checkout-${customer.id}`;
    const [a, b] = await Promise.all([
      checkout(orders.app, customer, { method: 'card', token }, key),
      checkout(orders.app, customer, { method: 'card', token }, key),
    ]);
    const again = await checkout(orders.app, customer, { method: 'card', token }, key);
    const ids = [a, b, again].map((r) => r.json<{ order: Order }>().order.id);
    expect(new Set(ids).size).toBe(1);
    expect([a, b, again].filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    const other = await checkout(orders.app, customer, { method: 'cod' }, key);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    const rows = await system.dbs.orders.sql`select id from orders where customer_id = ${customer.id}`;
    expect(rows).toHaveLength(1);
  });

  it('five customers race for the last two units: two orders are confirmed, three fail out of stock, none oversold', async () => {
    const variantId = demoVariantId(8);
    await setStock(system, variantId, 2);
    const customers = await Promise.all(Array.from({ length: 5 }, () => newCustomer(system)));
    for (const customer of customers) await addToCart(orders.app, customer, 8, 1);
    const placed = await Promise.all(
      customers.map(
        async (c) => (await checkout(orders.app, c, { method: 'cod' })).json<{ order: Order }>().order,
      ),
    );
    const final = await Promise.all(
      placed.map((o, i) =>
        waitForStatus(orders.app, customers[i] as Customer, o.id, ['confirmed', 'failed']),
      ),
    );
    expect(final.filter((o) => o.status === 'confirmed')).toHaveLength(2);
    expect(final.filter((o) => o.status === 'failed').every((o) => o.failureReason === 'out_of_stock')).toBe(
      true,
    );
    expect(await available(system, variantId)).toBe(0);
  });

  it('orders crashes right after the checkout commit: another instance resumes the saga from its stored step', async () => {
    await orders.crash();
    const dying = await system.startOrders({ saga: false });
    const customer = await newCustomer(system);
    let placed: Order;
    try {
      await addToCart(dying.app, customer, 9, 1);
      placed = (await checkout(dying.app, customer, { method: 'cod' })).json<{ order: Order }>().order;
    } finally {
      await dying.crash();
      orders = await system.startOrders({ settings: { PAYMENT_ACTION_TIMEOUT_MS: 10_000 } });
    }
    await waitForStatus(orders.app, customer, placed.id, 'confirmed');
  });

  it('orders crashes while stock answers: the reservation event waits on the bus and the next instance confirms', async () => {
    const customer = await newCustomer(system);
    await addToCart(orders.app, customer, 11, 1);
    const placed = (
      await checkout(orders.app, customer, {
        method: 'card',
        token: await cardToken(system, customer, '4242424242424242'),
      })
    ).json<{ order: Order }>().order;
    await within(async () => {
      const [row] = await system.dbs.orders.sql<
        { saga_state: string }[]
      >`select saga_state from orders where id = ${placed.id}`;
      expect(row?.saga_state).not.toMatch(/^(place|reserve_codes)$/);
    });
    await orders.crash();
    orders = await system.startOrders({ settings: { PAYMENT_ACTION_TIMEOUT_MS: 10_000 } });
    const order = await waitForStatus(orders.app, customer, placed.id, 'confirmed');
    const intents = await system.dbs.payment`select id from payment_intents where order_id = ${order.id}`;
    expect(intents).toHaveLength(1);
  });
});
