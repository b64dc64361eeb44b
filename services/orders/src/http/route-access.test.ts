import type { Order } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ordersErrors } from '../errors.ts';
import { createOrdersTestApp, SELLER_A, SELLER_B, type OrdersTestApp } from '../test/orders-test-app.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Rule = 'public' | 'authenticated' | ReadonlyArray<'customer' | 'seller' | 'admin' | 'support'>;
const ID = '01900000-0000-7000-8000-00000000f001';
const CUSTOMER = ['customer'] as const;
const SELLER = ['seller'] as const;
const STAFF = ['admin', 'support'] as const;

/** Every route with who may call it (the OpenAPI check keeps the table complete). */
const ROUTES: Array<[Method, string, Rule]> = [
  ['GET', '/cart', 'public'],
  ['POST', '/cart/items', 'public'],
  ['PATCH', `/cart/items/${ID}`, 'public'],
  ['DELETE', `/cart/items/${ID}`, 'public'],
  ['POST', '/cart/promo', 'public'],
  ['DELETE', '/cart/promo/{code}', 'public'],
  ['POST', '/cart/gift-cards', 'public'],
  ['DELETE', '/cart/gift-cards/{code}', 'public'],
  ['GET', '/cart/delivery-options', 'authenticated'],
  ['POST', '/checkout', CUSTOMER],
  ['GET', '/orders', CUSTOMER],
  ['GET', `/orders/${ID}`, CUSTOMER],
  ['GET', `/orders/${ID}/stream`, CUSTOMER],
  ['POST', `/orders/${ID}/cancel`, CUSTOMER],
  ['POST', `/orders/${ID}/returns`, CUSTOMER],
  ['POST', '/orders/returns/photos', CUSTOMER],
  ['GET', `/orders/returns/photos/${ID}`, 'authenticated'],
  ['GET', '/seller/orders', SELLER],
  ['GET', '/seller/orders/stats', SELLER],
  ['GET', `/seller/orders/${ID}`, SELLER],
  ['POST', `/seller/orders/${ID}/cancel`, SELLER],
  ['GET', '/seller/returns', SELLER],
  ['POST', `/seller/returns/${ID}/approve`, SELLER],
  ['POST', `/seller/returns/${ID}/reject`, SELLER],
  ['GET', '/admin/orders', STAFF],
  ['GET', '/admin/orders/stats', ['admin']],
  ['GET', `/admin/orders/${ID}`, STAFF],
  ['POST', `/admin/orders/${ID}/cancel`, ['admin']],
  ['GET', '/admin/orders/mail', STAFF],
  ['GET', '/admin/returns', STAFF],
  ['POST', `/admin/returns/${ID}/approve`, STAFF],
  ['POST', `/admin/returns/${ID}/reject`, STAFF],
];

describe('who may call each orders route, and whose data it touches', () => {
  let t: OrdersTestApp;
  beforeAll(async () => {
    t = await createOrdersTestApp();
  });
  afterAll(async () => t.close());

  it('lists every route of the OpenAPI document, with its rule, and every error code', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { 'x-access': string }>>;
      'x-error-codes': Array<{ name: string }>;
    }>();
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => `${method.toUpperCase()} ${path} ${op['x-access']}`),
    );
    const tabled = ROUTES.map(
      ([method, url, rule]) =>
        `${method} ${url.replaceAll(ID, '{id}')} ${typeof rule === 'string' ? rule : rule.join(', ')}`,
    );
    expect(tabled.sort()).toEqual(documented.sort());
    const codes = new Set(doc['x-error-codes'].map((e) => e.name));
    for (const spec of ordersErrors) expect(codes.has(spec.code), spec.code).toBe(true);
  });

  it.each(ROUTES.filter(([, , rule]) => rule !== 'public'))(
    '%s %s: anonymous → 401, a wrong role → 403',
    async (method, url, rule) => {
      const path = url.replace('{code}', 'ABC');
      const anonymous = await t.app.inject({ method, url: path });
      expect(anonymous.statusCode).toBe(401);
      if (rule === 'authenticated') return;
      const wrong = (['customer', 'seller', 'admin'] as const).find((r) => !rule.includes(r)) ?? 'customer';
      const refused = await t.app.inject({ method, url: path, headers: await t.as(uuidv7(), [wrong]) });
      expect(refused.statusCode).toBe(403);
    },
  );

  it("answers another customer's order, and another seller's seller order or return, as not found", async () => {
    const owner = uuidv7();
    const orderId = uuidv7();
    const partId = uuidv7();
    const returnId = uuidv7();
    const sql = t.db.sql;
    await sql`
      insert into orders (id, number, customer_id, status, currency, shipping_address, delivery, payment_method,
        subtotal, discount, gift_card_amount, delivery_fee, vat, total, payable, sellers, saga_state)
      values (${orderId}, 'SD-TEST-0001', ${owner}, 'delivered', 'KZT',
        ${sql.json({ countryCode: 'KZ', city: 'Almaty', line1: 'Abay 1', lat: 43.2, lng: 76.9 })},
        ${sql.json({ optionId: 'standard', kind: 'standard', label: 'Courier', fee: 0, promisedDate: '2026-01-01', depotId: null })},
        'cod', 100, 0, 0, 0, 11, 100, 100, ${sql.json([{ sellerId: SELLER_A, sellerName: 'A', subtotal: 100, discount: 0, total: 100, vat: 11 }])}, 'done')`;
    await sql`insert into seller_orders (id, order_id, seller_id, seller_name, status, total) values (${partId}, ${orderId}, ${SELLER_A}, 'A', 'delivered', 100)`;
    await sql`insert into returns (id, order_id, customer_id, seller_ids, status, lines) values (${returnId}, ${orderId}, ${owner}, ${[SELLER_A]}, 'requested', '[]')`;
    const stranger = await t.as(uuidv7());
    const mine = await t.app.inject({ url: `/orders/${orderId}`, headers: await t.as(owner) });
    expect(mine.json<Order>().number).toBe('SD-TEST-0001');
    for (const [method, url] of [
      ['GET', `/orders/${orderId}`],
      ['POST', `/orders/${orderId}/cancel`],
      ['POST', `/orders/${orderId}/returns`],
    ] as const) {
      const payload = url.endsWith('returns')
        ? { lines: [{ lineId: uuidv7(), quantity: 1, reason: 'other' }] }
        : {};
      expect((await t.app.inject({ method, url, headers: stranger, payload })).json(), url).toMatchObject({
        code: 'ORDER_NOT_FOUND',
      });
    }
    const otherSeller = await t.as(SELLER_B, ['seller']);
    expect(
      (await t.app.inject({ url: `/seller/orders/${partId}`, headers: otherSeller })).json(),
    ).toMatchObject({ code: 'ORDER_NOT_FOUND' });
    expect(
      (await t.app.inject({ url: `/seller/orders/${partId}`, headers: await t.as(SELLER_A, ['seller']) }))
        .statusCode,
    ).toBe(200);
    const decided = await t.app.inject({
      method: 'POST',
      url: `/seller/returns/${returnId}/approve`,
      headers: otherSeller,
      payload: {},
    });
    expect(decided.json()).toMatchObject({ code: 'RETURN_NOT_FOUND' });
    const listed = (await t.app.inject({ url: '/seller/returns', headers: otherSeller })).json<{
      total: number;
    }>();
    expect(listed.total).toBe(0);
  });
});
