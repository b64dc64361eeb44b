import { ProductCreated, ProductUpdated, type Product } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findVariantsForQuote } from '../data/variants-repo.ts';
import { applyScheduledPrices } from '../prices/apply-scheduled-prices.ts';
import { callers, createAs, type Callers } from '../test/catalog-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';

describe('variants, compare-at and scheduled sale prices', () => {
  let t: ShopTestApp;
  let who: Callers;

  beforeAll(async () => {
    t = await createShopTestApp();
    who = await callers(t);
  });
  afterAll(async () => t.close());

  const events = async (productId: string) =>
    t.db.sql<{ type: string; payload: Record<string, unknown> }[]>`
      select type, payload from outbox where payload ->> 'productId' = ${productId} order by id`;
  const patch = (id: string, payload: object, authorization = who.alice) =>
    t.app.inject({ method: 'PATCH', url: `/seller/products/${id}`, payload, headers: { authorization } });

  it('creates a product with variants, lists the cheapest as its "from" price and announces the SKUs', async () => {
    const tee = await createAs(t, who.alice, {
      title: 'Cotton tee',
      price: { amount: 900_000, currency: 'KZT' },
      variants: [
        {
          sku: 'TEE-M-RED',
          price: 900_000,
          compareAt: 1_200_000,
          options: { size: 'M', colour: 'Red' },
          weightGrams: 180,
        },
        { sku: 'TEE-S-RED', price: 850_000, options: { size: 'S', colour: 'Red' }, weightGrams: 170 },
      ],
    });
    expect(tee.price.amount).toBe(850_000);
    expect(tee.variants?.map((v) => v.sku)).toEqual(['TEE-M-RED', 'TEE-S-RED']);
    expect(tee.variants?.[0]?.compareAt?.amount).toBe(1_200_000);
    const [created] = await events(tee.id);
    expect(created?.type).toBe(ProductCreated.type);
    expect(created?.payload.variants).toEqual([
      { variantId: tee.variants?.[0]?.id, sku: 'TEE-M-RED', title: 'Cotton tee — M / Red', weightGrams: 180 },
      { variantId: tee.variants?.[1]?.id, sku: 'TEE-S-RED', title: 'Cotton tee — S / Red', weightGrams: 170 },
    ]);
  });

  it('keeps variant ids across an edit, drops removed ones and announces the new snapshot', async () => {
    const p = await createAs(t, who.alice, {
      title: 'Wool socks',
      price: { amount: 300_000, currency: 'KZT' },
      variants: [
        { sku: 'SOCK-1', price: 300_000 },
        { sku: 'SOCK-2', price: 320_000 },
      ],
    });
    const [first, second] = p.variants ?? [];
    const edited = await patch(p.id, {
      variants: [
        { id: second?.id, sku: 'SOCK-2', price: 250_000 },
        { sku: 'SOCK-3', price: 400_000 },
      ],
    });
    expect(edited.statusCode).toBe(200);
    const after = edited.json<Product>();
    expect(after.variants?.[0]?.id).toBe(second?.id);
    expect(after.variants?.map((v) => v.id)).not.toContain(first?.id);
    expect(after.price.amount).toBe(250_000);
    const last = (await events(p.id)).at(-1);
    expect(last?.type).toBe(ProductUpdated.type);
    expect((last?.payload.variants as unknown[]).length).toBe(2);
  });

  it('refuses a SKU the seller already uses, a compare-at not above the price and a sale not below it', async () => {
    const taken = await t.app.inject({
      method: 'POST',
      url: '/seller/products',
      headers: { authorization: who.alice },
      payload: {
        title: 'Another tee',
        price: { amount: 1000, currency: 'KZT' },
        variants: [{ sku: 'TEE-M-RED', price: 1000 }],
      },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'DUPLICATE_SKU' });
    // Another seller may use the same SKU: SKUs are unique per seller.
    await createAs(t, who.bob, {
      title: 'Bob tee',
      price: { amount: 1000, currency: 'KZT' },
      variants: [{ sku: 'TEE-M-RED', price: 1000 }],
    });
    const p = await createAs(t, who.alice, { title: 'Mittens', price: { amount: 200_000, currency: 'KZT' } });
    const badCompare = await patch(p.id, {
      variants: [{ sku: 'MIT-1', price: 200_000, compareAt: 150_000 }],
    });
    expect(badCompare.json()).toMatchObject({ code: 'INVALID_PRICE' });
    const badSale = await patch(p.id, {
      variants: [
        {
          sku: 'MIT-1',
          price: 200_000,
          sale: { amount: 250_000, startsAt: new Date().toISOString(), endsAt: null },
        },
      ],
    });
    expect(badSale.statusCode).toBe(422);
  });

  it('applies a scheduled sale when it starts: the price drops and the regular price is crossed out', async () => {
    const p = await createAs(t, who.alice, {
      title: 'Felt hat',
      price: { amount: 500_000, currency: 'KZT' },
    });
    const variant = p.variants?.[0];
    const soon = new Date(Date.now() + 60_000).toISOString();
    await patch(p.id, {
      variants: [
        {
          id: variant?.id,
          sku: variant?.sku,
          price: 500_000,
          sale: { amount: 400_000, startsAt: soon, endsAt: null },
        },
      ],
    });
    const before = await findVariantsForQuote(t.db.sql, [variant?.id ?? '']);
    expect(before[0]?.price.amount).toBe(500_000);
    // Time passes: move the sale's start into the past instead of waiting.
    await t.db
      .sql`update product_variants set sale_starts_at = now() - interval '1 minute' where id = ${variant?.id ?? ''}`;
    const [quoted] = await findVariantsForQuote(t.db.sql, [variant?.id ?? '']);
    expect(quoted).toMatchObject({
      price: { amount: 400_000 },
      compareAt: { amount: 500_000 },
      status: 'active',
    });
    expect(await applyScheduledPrices(t.db.sql)).toContain(p.id);
    const page = await t.app.inject({ url: `/products/${p.id}` });
    expect(page.json<Product>()).toMatchObject({
      price: { amount: 400_000 },
      compareAt: { amount: 500_000 },
    });
    expect(await applyScheduledPrices(t.db.sql)).not.toContain(p.id);
  });

  it('answers quotes with hidden and archived products marked so they cannot be sold', async () => {
    const p = await createAs(t, who.alice, {
      title: 'Old lamp',
      price: { amount: 700_000, currency: 'KZT' },
    });
    await t.app.inject({
      method: 'POST',
      url: `/seller/products/${p.id}/archive`,
      headers: { authorization: who.alice },
    });
    const [quoted] = await findVariantsForQuote(t.db.sql, [p.variants?.[0]?.id ?? '']);
    expect(quoted).toMatchObject({ status: 'archived', sellerId: who.aliceId, title: 'Old lamp' });
    const edit = await patch(p.id, { title: 'New title' });
    expect(edit.json()).toMatchObject({ code: 'PRODUCT_ARCHIVED' });
  });
});
