import type { Order } from '@sauda/contracts';
import type { Counter } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { paymentAuthorizations, paymentDeclines } from '../../../payment/src/intents/payment-metrics.ts';
import { addToCart, cardToken, checkout, newCustomer, waitForStatus } from '../test/journey.ts';
import type { RunningOrders } from '../test/start-orders.ts';
import { startTestSystem, type TestSystem } from '../test/system.ts';
import { checkoutSteps, exposeOrdersMetrics, ordersGmv, ordersPlaced } from './checkout-metrics.ts';

// Real services on a shared, busy machine: a journey may take long; it never waits on a fixed sleep.
vi.setConfig({ testTimeout: 180_000 });

/** A counter's value for exactly these labels (0 when never incremented). */
async function valueOf(counter: Counter<string>, labels: Record<string, string> = {}): Promise<number> {
  const { values } = await counter.get();
  const wanted = JSON.stringify(Object.entries(labels).sort());
  return values.find((v) => JSON.stringify(Object.entries(v.labels).sort()) === wanted)?.value ?? 0;
}

async function snapshot() {
  return {
    placed: await valueOf(ordersPlaced),
    gmv: await valueOf(ordersGmv, { currency: 'KZT' }),
    checkoutPlaced: await valueOf(checkoutSteps, { step: 'checkout', outcome: 'placed' }),
    checkoutRejected: await valueOf(checkoutSteps, { step: 'checkout', outcome: 'rejected' }),
    placeSucceeded: await valueOf(checkoutSteps, { step: 'place', outcome: 'succeeded' }),
    confirmed: await valueOf(checkoutSteps, { step: 'order', outcome: 'confirmed' }),
    failed: await valueOf(checkoutSteps, { step: 'order', outcome: 'failed' }),
    authorized: await valueOf(paymentAuthorizations, { outcome: 'authorized' }),
    declined: await valueOf(paymentAuthorizations, { outcome: 'declined' }),
    doNotHonour: await valueOf(paymentDeclines, { reason: 'do_not_honour' }),
  };
}

describe('the business metrics of a checkout', () => {
  let system: TestSystem;
  let orders: RunningOrders;
  beforeAll(async () => {
    system = await startTestSystem();
    orders = await system.startOrders({});
    exposeOrdersMetrics(orders.app, system.dbs.orders.sql, 60_000);
  }, 120_000);
  afterAll(async () => system?.close(), 60_000);

  it('counts a confirmed and a declined order once each: placed, GMV, funnel, authorizations, declines', async () => {
    const before = await snapshot();
    const buyer = await newCustomer(system);
    await addToCart(orders.app, buyer, 1, 2);
    const key = crypto.randomUUID();
    const payment = { method: 'card' as const, token: await cardToken(system, buyer, '4242424242424242') };
    const good = (await checkout(orders.app, buyer, payment, key)).json<{ order: Order }>().order;
    // A replayed Idempotency-Key answers the same order and is not a second placement.
    await checkout(orders.app, buyer, payment, key);
    await waitForStatus(orders.app, buyer, good.id, 'confirmed');

    const declined = await newCustomer(system);
    await addToCart(orders.app, declined, 2, 1);
    const bad = (
      await checkout(orders.app, declined, {
        method: 'card',
        token: await cardToken(system, declined, '4000000000000002'),
      })
    ).json<{ order: Order }>().order;
    await waitForStatus(orders.app, declined, bad.id, 'failed');
    // An empty cart is refused at checkout: the funnel's first drop.
    const empty = await newCustomer(system);
    expect((await checkout(orders.app, empty, { method: 'cod' })).statusCode).toBe(409);

    const [row] = await system.dbs.orders.sql<{ total: string; currency: string }[]>`
      select total, currency from orders where id = ${good.id}`;
    expect(row?.currency).toBe('KZT');
    const after = await snapshot();
    expect(after.placed - before.placed).toBe(2);
    expect(after.checkoutPlaced - before.checkoutPlaced).toBe(2);
    expect(after.checkoutRejected - before.checkoutRejected).toBe(1);
    expect(after.placeSucceeded - before.placeSucceeded).toBe(2);
    expect(after.confirmed - before.confirmed).toBe(1);
    expect(after.failed - before.failed).toBe(1);
    expect(after.gmv - before.gmv).toBe(Number(row?.total));
    expect(after.authorized - before.authorized).toBe(1);
    expect(after.declined - before.declined).toBe(1);
    expect(after.doNotHonour - before.doNotHonour).toBe(1);

    const text = (await orders.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/^orders_placed_total\{service="orders"\} \d+$/m);
    expect(text).toMatch(/^orders_gmv_minor_total\{currency="KZT",service="orders"\} \d+$/m);
    expect(text).toContain('orders_checkout_steps_total{step="checkout",outcome="placed",service="orders"}');
  });

  it('reports sagas that have not moved for the threshold as stuck, by state', async () => {
    const buyer = await newCustomer(system);
    await addToCart(orders.app, buyer, 3, 1);
    const placed = (await checkout(orders.app, buyer, { method: 'cod' })).json<{ order: Order }>().order;
    await waitForStatus(orders.app, buyer, placed.id, 'confirmed');
    const stuckBefore = await stuckIn('awaiting_stock');
    // As if stock never answered for two minutes (the threshold here is one minute).
    await system.dbs.orders.sql`
      update orders set saga_state = 'awaiting_stock', updated_at = now() - interval '2 minutes'
      where id = ${placed.id}`;
    expect(await stuckIn('awaiting_stock')).toBe(stuckBefore + 1);
    await system.dbs.orders.sql`update orders set saga_state = 'done' where id = ${placed.id}`;
    expect(await stuckIn('awaiting_stock')).toBe(stuckBefore);
  });

  async function stuckIn(state: string): Promise<number> {
    const text = (await orders.app.inject({ url: '/metrics' })).body;
    const line = new RegExp(`^orders_saga_stuck\\{state="${state}",service="orders"\\} (\\d+)$`, 'm').exec(
      text,
    );
    return Number(line?.[1] ?? 0);
  }
});
