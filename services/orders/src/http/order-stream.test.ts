import type { AddressInfo } from 'node:net';
import type { Order } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { orderChanges } from '../orders/order-changes.ts';
import { createOrdersTestApp, SELLER_A, type OrdersTestApp } from '../test/orders-test-app.ts';

vi.setConfig({ testTimeout: 120_000 });

const VARIANT = '01960000-0000-7000-8000-00000000c0de';
const CUSTOMER = '01970000-0000-7000-8000-0000000c0570';
// Far longer than any test waits for: a change that arrives was pushed by NOTIFY, not found by the fallback poll.
const NEVER_MS = 60_000;

describe('the live order stream (LISTEN/NOTIFY), on a real PostgreSQL', () => {
  let t: OrdersTestApp;
  let orderId: string;
  let headers: { authorization: string };
  beforeAll(async () => {
    t = await createOrdersTestApp();
    headers = await t.as(CUSTOMER);
    const addressId = uuidv7();
    t.world.prices.set(VARIANT, { price: 5000_00, seller: SELLER_A, available: true });
    t.world.addresses.push({
      id: addressId,
      label: null,
      recipient: 'Aigerim',
      phone: null,
      country: 'KZ',
      city: 'Almaty',
      street: 'Abay Ave 10',
      postalCode: '050000',
      lat: 43.24,
      lng: 76.9,
      isDefault: true,
      createdAt: new Date().toISOString(),
    });
    const add = await t.app.inject({
      method: 'POST',
      url: '/cart/items',
      headers,
      payload: { variantId: VARIANT, quantity: 1 },
    });
    expect(add.statusCode).toBe(200);
    const placed = await t.app.inject({
      method: 'POST',
      url: '/checkout',
      headers: { ...headers, 'idempotency-key': uuidv7() },
      payload: { shippingAddressId: addressId, payment: { method: 'cod' } },
    });
    orderId = placed.json<{ order: Order }>().order.id;
    expect(orderId).toBeDefined();
  }, 120_000);
  afterAll(async () => t?.close(), 60_000);

  const touch = (status: string) =>
    t.db.sql`update orders set status = ${status}, updated_at = now() where id = ${orderId}`;

  it('wakes the subscribers of the changed order only, through one listener for the whole process', async () => {
    const hub = orderChanges(t.db.sql);
    expect(orderChanges(t.db.sql)).toBe(hub);
    const mine = hub.subscribe(orderId);
    const again = hub.subscribe(orderId);
    const other = hub.subscribe(uuidv7());
    try {
      // Nothing changed yet: the fallback timeout answers.
      expect(await mine.next(50)).toBe('timeout');
      const woke = Promise.all([mine.next(NEVER_MS), again.next(NEVER_MS)]);
      await touch('awaiting_payment');
      expect(await woke).toEqual(['changed', 'changed']);
      expect(await other.next(200)).toBe('timeout');
      // A change between two waits is not lost: the next wait answers at once.
      await touch('pending');
      await vi.waitFor(async () => expect(await mine.next(10)).toBe('changed'), { timeout: NEVER_MS });
      const listeners = await t.db.sql<{ n: number }[]>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and query ilike 'listen%orders_changed%'`;
      expect(listeners[0]?.n).toBe(1);
      expect(hub.size()).toBe(3);
    } finally {
      for (const s of [mine, again, other]) s.close();
    }
    expect(hub.size()).toBe(0);
  });

  it('streams the order over SSE as it changes and ends when it is cancelled', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const response = await fetch(`http://127.0.0.1:${port}/orders/${orderId}/stream`, { headers });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const chunk = await reader.read();
        if (chunk.done) break;
        text += chunk.value;
      }
      return text;
    };
    await readUntil(/"status":"pending"/);
    await touch('awaiting_payment');
    await readUntil(/"status":"awaiting_payment"/);
    await touch('cancelled');
    const all = await readUntil(/"status":"cancelled"[\s\S]*$/);
    const events = all.split('\n\n').filter((e) => e.startsWith('event: order'));
    expect(events.map((e) => (JSON.parse(e.split('data: ')[1] ?? '{}') as Order).status)).toEqual([
      'pending',
      'awaiting_payment',
      'cancelled',
    ]);
    // The order ended: the server closed the stream.
    expect((await reader.read()).done).toBe(true);
  });

  it('ends the stream once the checkout settles when asked (?until=settled), and refuses other values', async () => {
    await touch('pending');
    const port = (t.app.server.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/orders/${orderId}/stream`;
    expect((await fetch(`${url}?until=later`, { headers })).status).toBe(400);
    const response = await fetch(`${url}?until=settled`, { headers });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('"status":"pending"')) text += (await reader.read()).value ?? '';
    await touch('requires_action'); // waiting for the bank is not settled: the stream goes on
    while (!text.includes('"status":"requires_action"')) text += (await reader.read()).value ?? '';
    await touch('confirmed');
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += chunk.value;
    const statuses = text
      .split('\n\n')
      .filter((e) => e.startsWith('event: order'))
      .map((e) => (JSON.parse(e.split('data: ')[1] ?? '{}') as Order).status);
    expect(statuses).toEqual(['pending', 'requires_action', 'confirmed']);
  });
});
