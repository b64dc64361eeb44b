/** A customer's way through the saga tests: an account with an address and cards, a cart, a checkout. */
import { demoVariantId, type EventDefinition, type EventData, type Order } from '@sauda/contracts';
import type { App, EventTransport } from '@sauda/kit';
import { eventually } from '@sauda/kit/testing';
import { v7 as uuidv7 } from 'uuid';
import type { TestSystem } from './system.ts';

export interface Customer {
  id: string;
  token: string;
  addressId: string;
  headers: { authorization: string };
}

let counter = 0;

/** Registers a customer in users and saves an Almaty address. */
export async function newCustomer(system: TestSystem): Promise<Customer> {
  counter += 1;
  const registered = await fetch(`${system.urls.users}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'ru' },
    body: JSON.stringify({
      email: `buyer${counter}.${Date.now()}@example.kz`,
      password: 'correct-horse-42',
      name: 'Aigerim',
    }),
  });
  const { accessToken, user } = (await registered.json()) as { accessToken: string; user: { id: string } };
  const headers = { authorization: `Bearer ${accessToken}` };
  const address = await fetch(`${system.urls.users}/me/addresses`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      recipient: 'Aigerim Sadykova',
      phone: '+77011234567',
      country: 'KZ',
      city: 'Almaty',
      street: 'Abay Ave 10, apt 5',
      postalCode: '050000',
      lat: 43.24,
      lng: 76.9,
    }),
  });
  const { id: addressId } = (await address.json()) as { id: string };
  if (!addressId) throw new Error(`address not saved: ${address.status}`);
  return { id: user.id, token: accessToken, addressId, headers };
}

/** A card token of the sandbox bank for the customer. */
export async function cardToken(system: TestSystem, customer: Customer, number: string): Promise<string> {
  const response = await fetch(`${system.urls.payment}/payment/tokens`, {
    method: 'POST',
    headers: { ...customer.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ card: { number, expMonth: 12, expYear: 2031, cvc: '123' } }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** Puts `quantity` of demo product `n` in the customer's cart. */
export async function addToCart(
  app: App,
  customer: Customer,
  n: number,
  quantity = 1,
  variantId = demoVariantId(n),
) {
  const response = await app.inject({
    method: 'POST',
    url: '/cart/items',
    headers: customer.headers,
    payload: { variantId, quantity },
  });
  if (response.statusCode !== 200) throw new Error(`add to cart: ${response.statusCode} ${response.body}`);
  return response.json<{ items: unknown[] }>();
}

/** Checks out with a card number (or another method); answers the HTTP response. */
export async function checkout(
  app: App,
  customer: Customer,
  payment: { method: 'card' | 'wallet' | 'cod'; token?: string },
  key = uuidv7(),
) {
  return app.inject({
    method: 'POST',
    url: '/checkout',
    headers: { ...customer.headers, 'idempotency-key': key, 'accept-language': 'ru' },
    payload: { shippingAddressId: customer.addressId, payment },
  });
}

/** Polls the order until `status` (fails with the last seen order). */
export async function waitForStatus(
  app: App,
  customer: Customer,
  orderId: string,
  status: Order['status'] | Order['status'][],
  timeoutMs = 90_000,
) {
  const wanted = Array.isArray(status) ? status : [status];
  return eventually(async () => {
    const order = (await app.inject({ url: `/orders/${orderId}`, headers: customer.headers })).json<Order>();
    if (!wanted.includes(order.status))
      throw new Error(`order is ${order.status} (${order.failureReason ?? ''}), not ${wanted.join('|')}`);
    return order;
  }, timeoutMs);
}

/** Publishes an event on the bus as another service would. */
export async function publish<E extends EventDefinition>(
  transport: EventTransport,
  def: E,
  data: EventData<E>,
): Promise<void> {
  await transport.publish({
    id: uuidv7(),
    type: def.type,
    occurredAt: new Date().toISOString(),
    source: def.type.split('.')[0] ?? 'test',
    data,
    headers: {},
  });
}

/** Units a demo variant has available in stock, over every depot. */
export async function available(system: TestSystem, variantId: string): Promise<number> {
  const [row] = await system.dbs.stock<{ n: number }[]>`
    select coalesce(sum(on_hand - reserved - committed - unavailable), 0)::int as n from stock_levels where variant_id = ${variantId}`;
  return row?.n ?? 0;
}

/** Sets the units of a variant in the Almaty depot alone (the others emptied). */
export async function setStock(system: TestSystem, variantId: string, units: number): Promise<void> {
  await system.dbs
    .stock`update stock_levels set on_hand = reserved + committed + unavailable where variant_id = ${variantId}`;
  await system.dbs.stock`
    update stock_levels set on_hand = reserved + committed + unavailable + ${units}
    where variant_id = ${variantId} and depot_id = '01950000-0000-7000-8000-0000000de001'`;
}

/** Polls `probe` until it passes, for as long as a busy machine may need (never a fixed sleep). */
export const within = <T>(probe: () => T | Promise<T>): Promise<T> => eventually(probe, 90_000);
