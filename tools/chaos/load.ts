/**
 * The load of a chaos run: buyers who sign up, fill a cart, check out with the sandbox card and follow
 * their order to an end, and browsers who read the catalog, at a steady pace while faults happen.
 * A real client retries a checkout with the same Idempotency-Key; so do these, which tests the key.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** How one kind of request ended. */
export type Outcome = 'ok' | 'rejected' | 'server_error' | 'network_error';

/** Counts of requests by kind (`checkout`, `browse`…) and outcome. */
export type Tally = Record<string, Record<Outcome, number>>;

/** What the load saw: requests, accepted checkouts and how they ended as the buyers saw it. */
export interface LoadResult {
  requests: Tally;
  /** Checkouts the system accepted (an order id came back). */
  accepted: string[];
  /** Last status each buyer saw of each accepted order. */
  endings: Record<string, number>;
}

interface Buyer {
  headers: Record<string, string>;
  addressId: string;
  card: string;
}

const TERMINAL = new Set(['confirmed', 'failed', 'cancelled']);
const REQUEST_TIMEOUT_MS = 15_000;

class HttpFailure extends Error {
  constructor(
    readonly outcome: Outcome,
    message: string,
  ) {
    super(message);
  }
}

/** The load generator: `start` buyers and browsers, `stop` when the schedule ends; `result` after. */
export class Load {
  readonly #tally: Tally = {};
  readonly #accepted: string[] = [];
  readonly #last = new Map<string, string>();
  #running = true;
  #loops: Promise<void>[] = [];

  constructor(
    private readonly base: string,
    private readonly variants: readonly string[],
  ) {}

  /** Starts `buyers` buying loops and `browsers` browsing loops, each pausing `pauseMs` between rounds. */
  start(buyers: number, browsers: number, pauseMs: number): void {
    for (let i = 0; i < buyers; i += 1) this.#loops.push(this.#buyerLoop(i, pauseMs));
    for (let i = 0; i < browsers; i += 1) this.#loops.push(this.#browserLoop(pauseMs));
  }

  /** Lets every loop finish its round (following an order to its end at most a minute more). */
  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(this.#loops);
  }

  /** The counts so far. */
  result(): LoadResult {
    const endings: Record<string, number> = {};
    for (const id of this.#accepted) {
      const status = this.#last.get(id) ?? 'unknown';
      endings[status] = (endings[status] ?? 0) + 1;
    }
    return { requests: structuredClone(this.#tally), accepted: [...this.#accepted], endings };
  }

  async #call<T>(
    kind: string,
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<T> {
    const counts = (this.#tally[kind] ??= { ok: 0, rejected: 0, server_error: 0, network_error: 0 });
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      counts.network_error += 1;
      throw new HttpFailure('network_error', `${method} ${path}: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    const outcome: Outcome = response.ok ? 'ok' : response.status >= 500 ? 'server_error' : 'rejected';
    counts[outcome] += 1;
    if (!response.ok)
      throw new HttpFailure(outcome, `${method} ${path}: ${response.status} ${text.slice(0, 160)}`);
    return JSON.parse(text) as T;
  }

  /** Retries a call that failed on the server's or the network's side, as a client would; gives up after `tries`. */
  async #retry<T>(work: () => Promise<T>, tries: number): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        const transient = error instanceof HttpFailure && error.outcome !== 'rejected';
        if (!transient || attempt >= tries) throw error;
        await sleep(Math.min(5_000, 250 * 2 ** attempt));
      }
    }
  }

  async #signUp(index: number): Promise<Buyer> {
    const email = `chaos.${index}.${randomBytes(5).toString('hex')}@example.kz`;
    const { accessToken } = await this.#retry(
      () =>
        this.#call<{ accessToken: string }>(
          'sign_up',
          'POST',
          '/api/auth/register',
          {},
          {
            email,
            password: 'chaos-monkey-2026',
            name: `Chaos Buyer ${index}`,
          },
        ),
      8,
    ).catch(async (error: unknown) => {
      // The answer may have been lost after the account was made: sign in instead.
      if (error instanceof HttpFailure && error.outcome === 'rejected') throw error;
      return this.#call<{ accessToken: string }>(
        'sign_in',
        'POST',
        '/api/auth/login',
        {},
        {
          email,
          password: 'chaos-monkey-2026',
        },
      );
    });
    const headers = { authorization: `Bearer ${accessToken}` };
    const address = await this.#retry(
      () =>
        this.#call<{ id: string }>('address', 'POST', '/api/me/addresses', headers, {
          recipient: `Chaos Buyer ${index}`,
          phone: '+77011234567',
          country: 'KZ',
          city: 'Almaty',
          street: 'Abay Ave 10',
          postalCode: '050000',
          lat: 43.24,
          lng: 76.9,
        }),
      8,
    );
    const card = await this.#retry(
      () =>
        this.#call<{ token: string }>('card_token', 'POST', '/api/payment/tokens', headers, {
          card: { number: '4242424242424242', expMonth: 12, expYear: 2031, cvc: '123' },
        }),
      8,
    );
    return { headers, addressId: address.id, card: card.token };
  }

  async #buyerLoop(index: number, pauseMs: number): Promise<void> {
    let buyer: Buyer | undefined;
    while (this.#running) {
      try {
        buyer ??= await this.#signUp(index);
        const signedIn = buyer;
        const variantId = this.variants[Math.floor(Math.random() * this.variants.length)];
        await this.#retry(() => this.#call('cart', 'GET', '/api/cart', signedIn.headers), 4);
        // A retried add may add the item twice: harmless here, the cart is only the way to a checkout.
        await this.#retry(
          () => this.#call('cart', 'POST', '/api/cart/items', signedIn.headers, { variantId, quantity: 1 }),
          4,
        );
        const key = `chaos-${randomBytes(8).toString('hex')}`;
        const { order } = await this.#retry(
          () =>
            this.#call<{ order: { id: string } }>(
              'checkout',
              'POST',
              '/api/checkout',
              { ...signedIn.headers, 'idempotency-key': key },
              { shippingAddressId: signedIn.addressId, payment: { method: 'card', token: signedIn.card } },
            ),
          6,
        );
        if (!this.#accepted.includes(order.id)) this.#accepted.push(order.id);
        await this.#follow(order.id, buyer.headers);
      } catch {
        // Counted in the tally already; the buyer tries again next round, as a shopper would.
      }
      await sleep(pauseMs);
    }
  }

  /** Polls the order until it ends, at most a minute after the load was told to stop. */
  async #follow(orderId: string, headers: Record<string, string>): Promise<void> {
    const giveUp = { at: Infinity };
    while (performance.now() < giveUp.at) {
      if (!this.#running && giveUp.at === Infinity) giveUp.at = performance.now() + 60_000;
      try {
        const order = await this.#call<{ status: string }>(
          'order_status',
          'GET',
          `/api/orders/${orderId}`,
          headers,
        );
        this.#last.set(orderId, order.status);
        if (TERMINAL.has(order.status)) return;
      } catch {
        // The order is followed through the faults; a failed poll is counted and retried.
      }
      await sleep(500);
    }
  }

  async #browserLoop(pauseMs: number): Promise<void> {
    const queries = ['phone', 'shoes', 'tea', 'book', 'lamp', ''];
    while (this.#running) {
      try {
        const q = queries[Math.floor(Math.random() * queries.length)] ?? '';
        const page = await this.#call<{ items: { id: string }[] }>(
          'browse',
          'GET',
          `/api/products?q=${encodeURIComponent(q)}&limit=12`,
          {},
        );
        const first = page.items[Math.floor(Math.random() * page.items.length)];
        if (first) await this.#call('browse', 'GET', `/api/products/${first.id}`, {});
        await this.#call('browse', 'GET', '/api/categories', {});
      } catch {
        // Counted; browsing goes on.
      }
      await sleep(pauseMs);
    }
  }
}
