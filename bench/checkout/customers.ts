/** The simulated customers of the checkout benchmark: accounts made first, then the timed buying loop. */
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'undici';

export interface Round {
  customers: number;
  confirmed: number;
  failed: number;
  confirmedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  checkoutP50Ms: number;
}

interface Buyer {
  headers: Record<string, string>;
  addressId: string;
  card: string;
}

const agent = new Agent({ connections: 256, keepAliveTimeout: 30_000 });
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function call<T>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  const response = await request(`${base}${path}`, {
    method,
    dispatcher: agent,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  if (response.statusCode >= 400)
    throw new Error(`${method} ${path}: ${response.statusCode} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

/**
 * Follows the order as the web app does, over its server-sent events stream, until it is confirmed or has
 * ended; answers the last status seen.
 */
async function followOrder(
  base: string,
  orderId: string,
  headers: Record<string, string>,
  deadline: number,
): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(1, deadline - performance.now()));
  let status = 'pending';
  try {
    // As the web app follows a checkout: the stream ends by itself once the checkout settles.
    const response = await request(`${base}/api/orders/${orderId}/stream?until=settled`, {
      dispatcher: agent,
      headers: { ...headers, accept: 'text/event-stream' },
      signal: controller.signal,
    });
    if (response.statusCode !== 200) {
      await response.body.text();
      throw new Error(`GET /api/orders/${orderId}/stream: ${response.statusCode}`);
    }
    let buffer = '';
    let settled = false;
    for await (const chunk of response.body) {
      if (settled) continue;
      buffer += (chunk as Buffer).toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((line) => line.startsWith('data: '));
        if (!data) continue;
        status = (JSON.parse(data.slice(6)) as { status: string }).status;
        // The server ends the stream right after this frame; reading to its end keeps the connection.
        if (['confirmed', 'failed', 'cancelled'].includes(status)) settled = true;
      }
    }
    return status;
  } catch (error) {
    if (controller.signal.aborted) return status;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function newBuyer(base: string): Promise<Buyer> {
  const email = `bench.${randomBytes(6).toString('hex')}@example.kz`;
  const { accessToken } = await call<{ accessToken: string }>(
    base,
    'POST',
    '/api/auth/register',
    {},
    {
      email,
      password: 'correct-horse-42',
      name: 'Bench Buyer',
    },
  );
  const headers = { authorization: `Bearer ${accessToken}` };
  const address = await call<{ id: string }>(base, 'POST', '/api/me/addresses', headers, {
    recipient: 'Bench Buyer',
    phone: '+77011234567',
    country: 'KZ',
    city: 'Almaty',
    street: 'Abay Ave 10',
    postalCode: '050000',
    lat: 43.24,
    lng: 76.9,
  });
  const card = await call<{ token: string }>(base, 'POST', '/api/payment/tokens', headers, {
    card: { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' },
  });
  return { headers, addressId: address.id, card: card.token };
}

/**
 * `customers` buyers each buy in a loop for `seconds`; answers throughput and latencies. `onStart` runs
 * once the accounts exist, right before the timed loop (the CPU measure starts there).
 */
export async function runCustomers(options: {
  gateway: string;
  customers: number;
  seconds: number;
  variants: string[];
  onStart?: () => Promise<void>;
}): Promise<Round> {
  const base = options.gateway;
  const buyers: Buyer[] = [];
  // Accounts are made a few at a time (argon2 is meant to be slow) and are not part of the measure.
  while (buyers.length < options.customers)
    buyers.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(5, options.customers - buyers.length) }, () => newBuyer(base)),
      )),
    );
  await options.onStart?.();
  const latencies: number[] = [];
  const answers: number[] = [];
  let failed = 0;
  const started = performance.now();
  const until = started + options.seconds * 1000;
  await Promise.all(
    buyers.map(async (buyer) => {
      while (performance.now() < until) {
        try {
          await call(base, 'GET', '/api/cart', buyer.headers);
          const variantId = options.variants[Math.floor(Math.random() * options.variants.length)];
          await call(base, 'POST', '/api/cart/items', buyer.headers, { variantId, quantity: 1 });
          const t0 = performance.now();
          const { order } = await call<{ order: { id: string } }>(
            base,
            'POST',
            '/api/checkout',
            { ...buyer.headers, 'idempotency-key': `bench-${randomBytes(8).toString('hex')}` },
            { shippingAddressId: buyer.addressId, payment: { method: 'card', token: buyer.card } },
          );
          answers.push(performance.now() - t0);
          const status = await followOrder(base, order.id, buyer.headers, until + 30_000);
          if (status === 'confirmed') latencies.push(performance.now() - t0);
          else failed += 1;
        } catch (error) {
          failed += 1;
          console.warn((error as Error).message);
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    customers: options.customers,
    confirmed: latencies.length,
    failed,
    confirmedPerSecond: latencies.length / elapsed,
    p50Ms: Math.round(percentile(sorted, 50)),
    p99Ms: Math.round(percentile(sorted, 99)),
    checkoutP50Ms: Math.round(
      percentile(
        [...answers].sort((a, b) => a - b),
        50,
      ),
    ),
  };
}
