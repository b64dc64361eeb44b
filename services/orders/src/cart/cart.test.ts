import type { Cart, DeliveryOption } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrdersTestApp, SELLER_A, SELLER_B, type OrdersTestApp } from '../test/orders-test-app.ts';

describe('the cart', () => {
  let t: OrdersTestApp;
  const variant = (price: number, seller = SELLER_A) => {
    const id = uuidv7();
    t.world.prices.set(id, { price, seller, available: true });
    return id;
  };
  beforeAll(async () => {
    t = await createOrdersTestApp();
  });
  afterAll(async () => t.close());

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    headers: Record<string, string> = {},
    payload?: object,
  ) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const cookieOf = (setCookie: string | string[] | undefined) => String(setCookie ?? '').split(';')[0] ?? '';

  it('gives a guest an HttpOnly SameSite=Lax cookie on the first item, and the cart back by that cookie only', async () => {
    const empty = await call('GET', '/cart');
    expect(empty.headers['set-cookie']).toBeUndefined();
    expect(empty.json<Cart>().items).toEqual([]);
    const a = variant(5000_00);
    const added = await call('POST', '/cart/items', {}, { variantId: a, quantity: 2 });
    expect(added.headers['set-cookie']).toMatch(
      /^sauda_cart=[\w-]{32}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/,
    );
    expect(added.headers['cache-control']).toBe('private, no-store');
    const cookie = cookieOf(added.headers['set-cookie']);
    const again = (await call('GET', '/cart', { cookie })).json<Cart>();
    expect(again).toMatchObject({
      itemCount: 2,
      subtotal: { amount: 10_000_00 },
      allAvailable: true,
      customerId: null,
    });
    expect((await call('GET', '/cart', { cookie: 'sauda_cart=guessed' })).json<Cart>().items).toEqual([]);
  });

  it('merges the guest cart into the customer cart on the first signed-in call, and clears the cookie', async () => {
    const customer = await t.as(uuidv7());
    const [a, b] = [variant(1000_00), variant(2000_00, SELLER_B)];
    await call('POST', '/cart/items', customer, { variantId: a, quantity: 1 });
    const guest = await call('POST', '/cart/items', {}, { variantId: a, quantity: 2 });
    const cookie = cookieOf(guest.headers['set-cookie']);
    await call('POST', '/cart/items', { cookie }, { variantId: b, quantity: 1 });
    const merged = await call('GET', '/cart', { ...customer, cookie });
    expect(merged.headers['set-cookie']).toMatch(/^sauda_cart=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    const cart = merged.json<Cart>();
    expect(cart.items.map((i) => [i.variantId, i.quantity])).toEqual([
      [a, 3],
      [b, 1],
    ]);
    expect(cart.sellers.map((s) => s.sellerName).sort()).toEqual(['Shop A', 'Shop B']);
    expect((await call('GET', '/cart', { cookie })).json<Cart>().items).toEqual([]);
  });

  it('flags what changed: price, only a few left, fewer than asked (quantity reduced once), unavailable', async () => {
    const customer = await t.as(uuidv7());
    const [pricey, few, short, gone] = [variant(100_00), variant(200_00), variant(300_00), variant(400_00)];
    for (const id of [pricey, few, short, gone])
      await call('POST', '/cart/items', customer, { variantId: id, quantity: 3 });
    t.world.prices.set(pricey, { price: 120_00, seller: SELLER_A, available: true });
    t.world.stock.set(few, 3);
    t.world.stock.set(short, 2);
    t.world.prices.set(gone, { price: 400_00, seller: SELLER_A, available: false });
    const cart = (await call('GET', '/cart', customer)).json<Cart>();
    const notices = Object.fromEntries(cart.items.map((i) => [i.variantId, i.notices]));
    expect(notices[pricey]).toEqual([
      { code: 'price_changed', previousPrice: { amount: 100_00, currency: 'KZT' } },
    ]);
    expect(notices[few]).toEqual([{ code: 'low_stock', available: 3 }]);
    expect(notices[short]).toEqual([{ code: 'quantity_reduced', available: 2 }]);
    expect(notices[gone]).toEqual([{ code: 'unavailable' }]);
    expect(cart.items.find((i) => i.variantId === short)?.quantity).toBe(2);
    expect(cart.allAvailable).toBe(false);
    const line = cart.items.find((i) => i.variantId === pricey);
    const touched = (await call('PATCH', `/cart/items/${line?.id}`, customer, { quantity: 1 })).json<Cart>();
    expect(touched.items.find((i) => i.variantId === pricey)?.notices).toEqual([]);
  });

  it("takes the units left from shop's quote when it carries them, without asking stock", async () => {
    const customer = await t.as(uuidv7());
    const few = variant(250_00);
    await call('POST', '/cart/items', customer, { variantId: few, quantity: 2 });
    t.world.quoteUnits = true;
    t.world.stockDown = true;
    t.world.stock.set(few, 4);
    try {
      const cart = (await call('GET', '/cart', customer)).json<Cart>();
      expect(cart.items[0]?.notices).toEqual([{ code: 'low_stock', available: 4 }]);
    } finally {
      t.world.quoteUnits = false;
      t.world.stockDown = false;
    }
  });

  it('answers with the last known prices, flagged, while shop is down; and works without stock', async () => {
    const customer = await t.as(uuidv7());
    const a = variant(700_00);
    await call('POST', '/cart/items', customer, { variantId: a, quantity: 1 });
    t.world.shopDown = true;
    t.world.stockDown = true;
    try {
      const cart = (await call('GET', '/cart', customer)).json<Cart>();
      expect(cart).toMatchObject({ pricesStale: true, allAvailable: false, subtotal: { amount: 700_00 } });
      expect(cart.items[0]).toMatchObject({ unitPrice: { amount: 700_00 } });
      expect(cart.items[0]?.title).toMatch(/^Item/);
    } finally {
      t.world.shopDown = false;
      t.world.stockDown = false;
    }
  });

  it("never touches another customer's line, and refuses unknown items and unsold variants", async () => {
    const owner = await t.as(uuidv7());
    const other = await t.as(uuidv7());
    const cart = (
      await call('POST', '/cart/items', owner, { variantId: variant(100_00), quantity: 1 })
    ).json<Cart>();
    const id = cart.items[0]?.id;
    expect((await call('PATCH', `/cart/items/${id}`, other, { quantity: 5 })).json()).toMatchObject({
      code: 'CART_ITEM_NOT_FOUND',
    });
    expect((await call('DELETE', `/cart/items/${id}`, other)).json()).toMatchObject({
      code: 'CART_ITEM_NOT_FOUND',
    });
    expect(
      (await call('POST', '/cart/items', owner, { variantId: uuidv7(), quantity: 1 })).json(),
    ).toMatchObject({ code: 'VARIANT_UNAVAILABLE' });
    expect(
      (await call('POST', '/cart/items', owner, { variantId: uuidv7(), quantity: 1, price: 1 })).statusCode,
    ).toBe(400);
  });

  it('applies promo codes through the quote, and offers delivery for my address only', async () => {
    const customer = await t.as(uuidv7());
    await call('POST', '/cart/items', customer, { variantId: variant(100_00), quantity: 1 });
    const withCodes = await call('POST', '/cart/promo', customer, { code: 'freeship' });
    expect(withCodes.json<Cart>()).toMatchObject({
      freeShipping: true,
      promoCodes: [{ code: 'FREESHIP', applied: true }],
    });
    await call('POST', '/cart/promo', customer, { code: 'NOPE123' });
    const removed = (await call('DELETE', '/cart/promo/FREESHIP', customer)).json<Cart>();
    expect(removed.promoCodes).toEqual([
      expect.objectContaining({ code: 'NOPE123', applied: false, reason: 'PROMO_NOT_FOUND' }),
    ]);
    const addressId = uuidv7();
    t.world.addresses = [
      {
        id: addressId,
        label: null,
        recipient: 'A',
        phone: null,
        country: 'KZ',
        city: 'Almaty',
        street: 'Abay 1',
        postalCode: '050000',
        lat: null,
        lng: null,
        isDefault: true,
        createdAt: new Date().toISOString(),
      },
    ];
    const options = (await call('GET', `/cart/delivery-options?addressId=${addressId}`, customer)).json<
      DeliveryOption[]
    >();
    expect(options.map((o) => o.kind)).toEqual(['standard', 'express', 'pickup']);
    expect(
      (await call('GET', `/cart/delivery-options?addressId=${uuidv7()}`, customer)).json(),
    ).toMatchObject({ code: 'ADDRESS_NOT_FOUND' });
    expect((await call('GET', `/cart/delivery-options?addressId=${addressId}`)).statusCode).toBe(401);
  });
});
