/**
 * The soak's steady mixed load: at a fixed arrival rate (an open model, so a slowing system cannot hide by
 * being asked less), anonymous browsing, search and product pages, and signed-in buyers filling carts,
 * checking out with the sandbox card and following their orders and public tracking.
 */
import { randomBytes } from 'node:crypto';
import { demoProductId, demoVariantId } from '@sauda/contracts';
import { Agent, request } from 'undici';

interface Buyer {
  email: string;
  /** When the access token was issued: like the web app, a buyer signs in again before it expires. */
  signedInAt: number;
  headers: Record<string, string>;
  addressId: string;
  card: string;
  busy: boolean;
}

/** What was seen between two `take()`s. */
export interface Window {
  requests: number;
  errors: number;
  latencies: number[];
  /** The first few error messages, for the report. */
  errorSamples: string[];
}

const agent = new Agent({ connections: 64, keepAliveTimeout: 30_000 });
const MAX_IN_FLIGHT = 64;
const PASSWORD = 'correct-horse-42';
// Access tokens live 15 minutes; a buyer renews well before (the web app refreshes the same way).
const RENEW_AFTER_MS = 10 * 60_000;
const TERMS = ['phone', 'tea', 'shirt', 'book', 'lamp', 'coffee', 'bag', 'watch'];

class Failure extends Error {}

/** A running load; `take()` hands over the current window's figures and starts a new one. */
export interface Load {
  take(): Window;
  stop(): Promise<void>;
}

/** Signs up `buyers` customers (address, card token) and finds tracking numbers to follow. */
export async function prepareLoad(base: string, buyers = 6) {
  const made: Buyer[] = [];
  for (let i = 0; i < buyers; i += 1) made.push(await newBuyer(base));
  const admin = await send<{ accessToken: string }>(
    base,
    'POST',
    '/api/auth/login',
    {},
    {
      email: 'admin@demo.sauda.kz',
      password: 'sauda-demo-2026',
    },
  );
  const shipments = await send<unknown>(base, 'GET', '/api/admin/shipments?limit=50', {
    authorization: `Bearer ${admin.accessToken}`,
  }).catch(() => ({}));
  return { base, buyers: made, trackingNumbers: trackingNumbersIn(shipments).slice(0, 20) };
}

/** Starts `ratePerSecond` operations a second until `stop()`. */
export function startLoad(prepared: Awaited<ReturnType<typeof prepareLoad>>, ratePerSecond: number): Load {
  const { base, buyers, trackingNumbers } = prepared;
  const orders: Array<{ id: string; buyer: Buyer }> = [];
  let window: Window = { requests: 0, errors: 0, latencies: [], errorSamples: [] };
  const inFlight = new Set<Promise<void>>();

  const timed = async <T>(method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const t0 = performance.now();
    try {
      const answer = await send<T>(base, method, path, headers, body);
      window.latencies.push(performance.now() - t0);
      window.requests += 1;
      return answer;
    } catch (error) {
      window.requests += 1;
      window.errors += 1;
      if (window.errorSamples.length < 5) window.errorSamples.push((error as Error).message.slice(0, 300));
      throw new Failure();
    }
  };
  const idleBuyer = () => {
    const free = buyers.filter((b) => !b.busy);
    return free[Math.floor(Math.random() * free.length)];
  };
  const withBuyer = async (work: (buyer: Buyer) => Promise<void>) => {
    const buyer = idleBuyer();
    if (!buyer) return browse(); // every buyer is busy: browse instead, keeping the rate steady
    buyer.busy = true;
    try {
      if (Date.now() - buyer.signedInAt > RENEW_AFTER_MS) {
        const { accessToken } = await timed<{ accessToken: string }>(
          'POST',
          '/api/auth/login',
          {},
          {
            email: buyer.email,
            password: PASSWORD,
          },
        );
        // Mutated in place: orders being followed hold the same headers object.
        buyer.headers.authorization = `Bearer ${accessToken}`;
        buyer.signedInAt = Date.now();
      }
      await work(buyer);
    } finally {
      buyer.busy = false;
    }
  };
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(Math.random() * list.length)];
  const product = () => 1 + Math.floor(Math.random() * 30);

  const browse = async () => {
    await timed('GET', `/api/products?page=${1 + Math.floor(Math.random() * 3)}&limit=20`, {});
  };
  const operations: Array<[number, () => Promise<void>]> = [
    [30, browse],
    [20, async () => void (await timed('GET', `/api/products/${demoProductId(product())}`, {}))],
    [15, async () => void (await timed('GET', `/api/products?q=${pick(TERMS) ?? 'tea'}&limit=20`, {}))],
    [
      15,
      () =>
        withBuyer(async (buyer) => {
          await timed('GET', '/api/cart', buyer.headers);
          await timed('POST', '/api/cart/items', buyer.headers, {
            variantId: demoVariantId(product()),
            quantity: 1,
          });
        }),
    ],
    [
      10,
      () =>
        withBuyer(async (buyer) => {
          await timed('POST', '/api/cart/items', buyer.headers, {
            variantId: demoVariantId(product()),
            quantity: 1,
          });
          const { order } = await timed<{ order: { id: string } }>(
            'POST',
            '/api/checkout',
            { ...buyer.headers, 'idempotency-key': `soak-${randomBytes(8).toString('hex')}` },
            { shippingAddressId: buyer.addressId, payment: { method: 'card', token: buyer.card } },
          );
          orders.push({ id: order.id, buyer });
          if (orders.length > 100) orders.shift();
        }),
    ],
    [
      10,
      async () => {
        const order = pick(orders);
        if (order) await timed('GET', `/api/orders/${order.id}`, order.buyer.headers);
        const tracking = pick(trackingNumbers);
        if (tracking) await timed('GET', `/api/tracking/${tracking}`, {});
        if (!order && !tracking) await browse();
      },
    ],
  ];
  const total = operations.reduce((sum, [weight]) => sum + weight, 0);
  const choose = () => {
    let roll = Math.random() * total;
    for (const [weight, operation] of operations) {
      roll -= weight;
      if (roll < 0) return operation;
    }
    return browse;
  };

  const tick = () => {
    if (inFlight.size >= MAX_IN_FLIGHT) {
      // The system no longer keeps up with a moderate rate: that is an error of the soak, not a pause.
      window.errors += 1;
      if (window.errorSamples.length < 5)
        window.errorSamples.push(`more than ${MAX_IN_FLIGHT} operations in flight`);
      return;
    }
    const running = choose()()
      .catch((error: unknown) => {
        if (!(error instanceof Failure)) throw error;
      })
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };
  const timer = setInterval(tick, 1000 / ratePerSecond);
  return {
    take() {
      const taken = window;
      window = { requests: 0, errors: 0, latencies: [], errorSamples: [] };
      return taken;
    },
    async stop() {
      clearInterval(timer);
      await Promise.allSettled([...inFlight]);
    },
  };
}

async function newBuyer(base: string): Promise<Buyer> {
  const email = `soak.${randomBytes(6).toString('hex')}@example.kz`;
  const signedInAt = Date.now();
  const { accessToken } = await send<{ accessToken: string }>(
    base,
    'POST',
    '/api/auth/register',
    {},
    {
      email,
      password: PASSWORD,
      name: 'Soak Buyer',
    },
  );
  const headers = { authorization: `Bearer ${accessToken}` };
  const address = await send<{ id: string }>(base, 'POST', '/api/me/addresses', headers, {
    recipient: 'Soak Buyer',
    phone: '+77011234567',
    country: 'KZ',
    city: 'Almaty',
    street: 'Abay Ave 10',
    postalCode: '050000',
    lat: 43.24,
    lng: 76.9,
  });
  const card = await send<{ token: string }>(base, 'POST', '/api/payment/tokens', headers, {
    card: { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' },
  });
  return { email, signedInAt, headers, addressId: address.id, card: card.token, busy: false };
}

function trackingNumbersIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(trackingNumbersIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'trackingNumber' && typeof inner === 'string' ? [inner] : trackingNumbersIn(inner),
  );
}

/** One call; any answer of 400 or more, a timeout or a dropped connection is an error. */
async function send<T>(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<T> {
  const response = await request(`${base}${path}`, {
    method: method as 'GET',
    dispatcher: agent,
    signal: AbortSignal.timeout(30_000),
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  if (response.statusCode >= 400)
    throw new Error(`${method} ${path}: ${response.statusCode} ${text.slice(0, 200)}`);
  return (text ? JSON.parse(text) : {}) as T;
}
