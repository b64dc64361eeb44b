/**
 * Fault flags (issue 10, ADR 0007) against the running system: each degraded mode the architecture promises,
 * driven by the gateway's flags — stock unreachable, browsing still works; payment unreachable, the cart works
 * and checkout waits `awaiting_payment`, then completes once payment is back; shipping unreachable, order
 * history still works — and the admin's panel that switches them. Every test clears the flags it set
 * (other e2e files share the system).
 */
import { demoProductId, demoVariantId } from '@sauda/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DESKTOP, login, openBrowser, screenshot } from './browser.ts';

const baseUrl = inject('baseUrl');

interface Answer<T> {
  status: number;
  body: T;
}

async function call<T>(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
  const answer = await call<{ accessToken: string }>(null, 'POST', '/auth/login', { email, password });
  expect(answer.status).toBe(200);
  return answer.body.accessToken;
}

interface FaultState {
  service: string;
  active: boolean;
  applied: boolean;
  instances: number;
}

let admin = '';

/** Polls `check` until it holds (usable in hooks too, unlike `expect.poll`). */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Sets a service's flags and waits until every instance of it applies them. */
async function setFault(
  service: string,
  flags: Partial<{ failPercent: number; latencyMs: number; unreachable: boolean }>,
): Promise<void> {
  const answer = await call(admin, 'PUT', `/admin/faults/${service}`, {
    failPercent: 0,
    latencyMs: 0,
    unreachable: false,
    ...flags,
  });
  expect(answer.status).toBe(200);
  await waitUntil(`every ${service} instance applies its flags`, async () => {
    const list = await call<{ services: FaultState[] }>(admin, 'GET', '/admin/faults');
    return list.body.services.find((s) => s.service === service)?.applied === true;
  });
}

/** Switches every flag off and waits until every instance applies that. */
async function clearFaults(): Promise<void> {
  const cleared = await call(admin, 'DELETE', '/admin/faults');
  if (cleared.status !== 200) throw new Error(`clearing the fault flags answered ${cleared.status}`);
  await waitUntil('every instance applies "no faults"', async () => {
    const list = await call<{ services: FaultState[] }>(admin, 'GET', '/admin/faults');
    return list.body.services.every((s) => !s.active && s.applied);
  });
}

/** The status of an order, polled until it is one of `wanted` (or the time is up). */
async function waitForStatus(
  token: string,
  orderId: string,
  wanted: string[],
  timeout: number,
): Promise<string> {
  let status = '';
  await expect
    .poll(
      async () => {
        const answer = await call<{ status: string }>(token, 'GET', `/orders/${orderId}`);
        status = answer.body.status;
        return wanted.includes(status);
      },
      { timeout, interval: 1000 },
    )
    .toBe(true);
  return status;
}

beforeAll(async () => {
  admin = await signIn('admin@demo.sauda.kz');
  // A run interrupted earlier must not leave a service failing for these tests.
  await clearFaults();
});
afterEach(async () => {
  await clearFaults();
});

describe('degraded modes under fault flags', () => {
  it('stock unreachable: browsing, search and product pages still work', async () => {
    const seller = await signIn('seller@demo.sauda.kz');
    const customer = await signIn('customer@demo.sauda.kz');
    await setFault('stock', { unreachable: true });
    // The fault is real: what only stock answers is unavailable.
    expect((await call(seller, 'GET', '/seller/stock')).status).toBe(503);
    // Signed-in reads skip the gateway's micro-cache: these answers come from shop now.
    const list = await call<{ items: unknown[]; total: number }>(customer, 'GET', '/products?limit=5');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const search = await call<{ items: unknown[] }>(customer, 'GET', '/products?q=a&limit=5');
    expect(search.status).toBe(200);
    const product = await call<{ id: string }>(customer, 'GET', `/products/${demoProductId(2)}`);
    expect(product.status).toBe(200);
    expect(product.body.id).toBe(demoProductId(2));
    expect((await call(customer, 'GET', '/categories')).status).toBe(200);
  });

  it('payment unreachable: the cart works, checkout waits awaiting_payment and completes when payment is back', async () => {
    const email = `faults.${randomUUID().slice(0, 8)}@example.kz`;
    const registered = await call<{ accessToken: string }>(null, 'POST', '/auth/register', {
      email,
      password: 'correct-horse-42',
      name: 'Fault Tester',
    });
    expect(registered.status).toBeLessThan(300);
    const token = registered.body.accessToken;
    const address = await call<{ id: string }>(token, 'POST', '/me/addresses', {
      recipient: 'Fault Tester',
      phone: '+77011234567',
      country: 'KZ',
      city: 'Almaty',
      street: 'Abay Ave 10',
      postalCode: '050000',
      lat: 43.24,
      lng: 76.9,
    });
    expect(address.status).toBeLessThan(300);
    // The card is tokenised before payment goes away (the only step that needs it up front).
    const card = await call<{ token: string }>(token, 'POST', '/payment/tokens', {
      card: { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' },
    });
    expect(card.status).toBeLessThan(300);

    await setFault('payment', { unreachable: true });
    expect(
      (await call(token, 'POST', '/payment/tokens', { card: { number: '4242424242424242' } })).status,
    ).toBe(503);
    const added = await call(token, 'POST', '/cart/items', { variantId: demoVariantId(3), quantity: 1 });
    expect(added.status).toBeLessThan(300);
    const cart = await call<{ items: unknown[] }>(token, 'GET', '/cart');
    expect(cart.status).toBe(200);
    expect(cart.body.items).toHaveLength(1);
    const checkout = await call<{ order: { id: string; status: string } }>(token, 'POST', '/checkout', {
      shippingAddressId: address.body.id,
      payment: { method: 'card', token: card.body.token },
    });
    expect(checkout.status).toBeLessThan(300);
    const orderId = checkout.body.order.id;
    await waitForStatus(token, orderId, ['awaiting_payment'], 90_000);
    // Still waiting a little later: nothing gives up while payment is away.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await call<{ status: string }>(token, 'GET', `/orders/${orderId}`)).body.status).toBe(
      'awaiting_payment',
    );

    await clearFaults();
    // The saga retries with backoff (up to a minute between tries): generous time, no timing assertion.
    const status = await waitForStatus(token, orderId, ['confirmed', 'failed', 'cancelled'], 240_000);
    expect(status).toBe('confirmed');
  }, 420_000);

  it('shipping unreachable: order history still works', async () => {
    const customer = await signIn('customer@demo.sauda.kz');
    const before = await call<{ items: Array<{ id: string }> }>(customer, 'GET', '/orders');
    expect(before.status).toBe(200);
    const tracked = await call<{ items: Array<{ trackingNumber: string }> }>(
      admin,
      'GET',
      '/admin/shipments?limit=1',
    );
    await setFault('shipping', { unreachable: true });
    const trackingNumber = tracked.body.items?.[0]?.trackingNumber;
    if (trackingNumber) expect((await call(null, 'GET', `/tracking/${trackingNumber}`)).status).toBe(503);
    const history = await call<{ items: Array<{ id: string }> }>(customer, 'GET', '/orders');
    expect(history.status).toBe(200);
    expect(history.body.items.length).toBeGreaterThan(0);
    const first = history.body.items[0];
    if (!first) throw new Error('the demo customer has no orders');
    const order = await call<{ id: string }>(customer, 'GET', `/orders/${first.id}`);
    expect(order.status).toBe(200);
    expect(order.body.id).toBe(first.id);
  });
});

describe('the fault flags panel', () => {
  let session: Awaited<ReturnType<typeof openBrowser>>;

  beforeAll(async () => {
    session = await openBrowser();
  });
  afterAll(async () => {
    await session.close();
  });

  it('lets an admin switch a fault on, shows it on the service card, and clear it', async () => {
    const page = await session.newPage(DESKTOP);
    await login(page, 'admin@demo.sauda.kz');
    await page.goto('/admin/operations');
    const row = page.getByTestId('fault-assistant');
    await row.waitFor({ timeout: 60_000 });
    await row.locator('input[name="failPercent"]').fill('25');
    await row.locator('input[name="latencyMs"]').fill('300');
    await row.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('fault-badge-assistant').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('fault-badge-assistant').textContent()).toContain('25% fail');
    await row.getByText('Faults on').waitFor({ timeout: 30_000 });
    await screenshot(page, 'admin-operations-fault-flags', true);
    await page.getByRole('button', { name: 'Clear all faults' }).click();
    await page.getByTestId('fault-badge-assistant').waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('is not offered to support staff, who read the figures only', async () => {
    const page = await session.newPage(DESKTOP);
    await login(page, 'support@demo.sauda.kz');
    await page.goto('/admin/operations');
    await page.locator('.ops-card[aria-labelledby]').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('fault-panel').count()).toBe(0);
  });
});
