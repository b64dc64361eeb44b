/**
 * Mass assignment against the running system: every create/update operation refuses privileged fields it
 * does not declare, and for the resources that matter most the suite reads them back to prove nothing changed.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Role } from '@sauda/contracts';
import type {} from '../../apps/web/e2e/global-setup.ts';
import { call, logIn, registerCustomer, SUITE_PASSWORD, type Answer, type Session } from './api.ts';
import { ANONYMOUS, concretePath, isAllowed, type Caller } from './authorization-matrix.ts';
import { undeclaredPrivileged, writeOperations, type OpenApiBodies } from './mass-assignment.ts';

const doc = JSON.parse(
  readFileSync(new URL('../../contracts/openapi/sauda.json', import.meta.url), 'utf8'),
) as OpenApiBodies;
const NOBODYS_ID = '01990000-0000-7000-8000-00000000dead';
const STRANGER = '01990000-0000-7000-8000-00000000beef';
const DEMO = ['customer', 'seller', 'admin', 'warehouse', 'driver', 'dispatcher', 'support'];

let base = '';
const sessions = new Map<Caller, Session>();
const callers: Caller[] = [ANONYMOUS];

function expectUnknownField(answer: Answer, field: string, label: string): void {
  expect(answer.status, `${label}: ${answer.text.slice(0, 300)}`).toBe(400);
  const problem = answer.json<{ code: string; errors?: { path: string; message: string }[] }>();
  expect(problem.code).toBe('VALIDATION_FAILED');
  expect(problem.errors ?? []).toContainEqual({ path: `body/${field}`, message: 'unknown field' });
}

beforeAll(async () => {
  base = inject('baseUrl');
  for (const name of DEMO) {
    const session = await logIn(base, `${name}@demo.sauda.kz`);
    const caller = { name, roles: session.user.roles as Role[] };
    callers.push(caller);
    sessions.set(caller, session);
  }
});

describe('mass assignment on every create and update operation', () => {
  it('refuses undeclared privileged fields with 400 VALIDATION_FAILED before anything runs', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const operation of writeOperations(doc)) {
      const caller = callers.find((c) => c !== ANONYMOUS && isAllowed(operation.access, c)) ?? ANONYMOUS;
      if (!isAllowed(operation.access, caller)) continue;
      const extra = Object.fromEntries(undeclaredPrivileged(doc, operation).map((f) => [f, 'x']));
      const token = sessions.get(caller)?.accessToken;
      const answer = await call(base, operation.method, concretePath(operation.path, NOBODYS_ID), {
        ...(token ? { token } : {}),
        body: extra,
      });
      sent += 1;
      const label = `${operation.method} ${operation.path} as ${caller.name}`;
      if (answer.status !== 400) failures.push(`${label}: ${answer.status} ${answer.text.slice(0, 160)}`);
      else if (answer.json<{ code: string }>().code !== 'VALIDATION_FAILED')
        failures.push(`${label}: ${answer.text.slice(0, 160)}`);
    }
    expect(sent).toBeGreaterThan(60);
    expect(failures).toEqual([]);
  });
});

describe('mass assignment, read back', () => {
  it('registration cannot grant a role: refused with the field, and a plain sign-up is a customer', async () => {
    const email = `sec-mass-${Date.now()}@example.kz`;
    const body = { email, password: SUITE_PASSWORD, name: 'Mass Assignment' };
    expectUnknownField(
      await call(base, 'POST', '/api/auth/register', { body: { ...body, roles: ['admin'] } }),
      'roles',
      'register',
    );
    const created = await call(base, 'POST', '/api/auth/register', { body });
    expect(created.status).toBe(201);
    expect(created.json<Session>().user.roles).toEqual(['customer']);
  });

  it('the profile cannot change roles, status or balance; the refused request changes nothing', async () => {
    const me = await registerCustomer(base, 'mass-me');
    const before = (await call(base, 'GET', '/api/me', { token: me.accessToken })).json();
    for (const field of ['roles', 'role', 'status', 'balance', 'email']) {
      const answer = await call(base, 'PATCH', '/api/me', {
        token: me.accessToken,
        body: { name: 'Changed Name', [field]: field === 'roles' ? ['admin'] : 'admin' },
      });
      expectUnknownField(answer, field, `PATCH /api/me with ${field}`);
    }
    expect((await call(base, 'GET', '/api/me', { token: me.accessToken })).json()).toEqual(before);
  });

  it('a seller cannot move a product to another seller or set a price through the update', async () => {
    const seller = await logIn(base, 'seller@demo.sauda.kz');
    const list = await call(base, 'GET', '/api/seller/products?limit=1', { token: seller.accessToken });
    const product = list.json<{ items: { id: string; sellerId: string; price: unknown; title: string }[] }>()
      .items[0];
    if (!product) throw new Error('the demo seller has products');
    for (const [field, value] of [
      ['sellerId', STRANGER],
      ['ownerId', STRANGER],
      ['price', { amount: 1, currency: 'KZT' }],
    ] as const) {
      const answer = await call(base, 'PATCH', `/api/seller/products/${product.id}`, {
        token: seller.accessToken,
        body: { title: product.title, [field]: value },
      });
      expectUnknownField(answer, field, `PATCH seller product with ${field}`);
    }
    const created = await call(base, 'POST', '/api/seller/products', {
      token: seller.accessToken,
      body: {
        title: 'Mass assignment probe',
        description: 'never created',
        price: { amount: 100_000, currency: 'KZT' },
        sellerId: STRANGER,
      },
    });
    expectUnknownField(created, 'sellerId', 'POST seller product with sellerId');
    const after = (
      await call(base, 'GET', `/api/seller/products/${product.id}`, { token: seller.accessToken })
    ).json<{ sellerId: string; price: unknown }>();
    expect(after.sellerId).toBe(product.sellerId);
    expect(after.price).toEqual(product.price);
  });

  it('a cart line cannot carry its own price, and an address or checkout cannot name another customer', async () => {
    const buyer = await registerCustomer(base, 'mass-cart');
    const products = await call(base, 'GET', '/api/products?limit=1');
    const first = products.json<{ items: { id: string }[] }>().items[0];
    const product = await call(base, 'GET', `/api/products/${first?.id ?? NOBODYS_ID}`);
    const variant = product.json<{ variants: { id: string }[] }>().variants[0];
    if (!variant) throw new Error('the demo catalog has products');
    const token = buyer.accessToken;
    expectUnknownField(
      await call(base, 'POST', '/api/cart/items', {
        token,
        body: { variantId: variant.id, quantity: 1, price: { amount: 1, currency: 'KZT' } },
      }),
      'price',
      'cart item with price',
    );
    const cart = (await call(base, 'GET', '/api/cart', { token })).json<{ items: unknown[] }>();
    expect(cart.items).toEqual([]);

    const address = {
      recipient: 'Suite',
      country: 'KZ',
      city: 'Almaty',
      street: 'Abay 1',
      postalCode: '050000',
    };
    expectUnknownField(
      await call(base, 'POST', '/api/me/addresses', { token, body: { ...address, customerId: STRANGER } }),
      'customerId',
      'address with customerId',
    );
    expect((await call(base, 'GET', '/api/me/addresses', { token })).json()).toEqual([]);

    expectUnknownField(
      await call(base, 'POST', '/api/checkout', {
        token,
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: { shippingAddressId: NOBODYS_ID, payment: { method: 'cod' }, customerId: STRANGER },
      }),
      'customerId',
      'checkout with customerId',
    );
    expect((await call(base, 'GET', '/api/orders', { token })).json<{ items: unknown[] }>().items).toEqual(
      [],
    );
  });
});
