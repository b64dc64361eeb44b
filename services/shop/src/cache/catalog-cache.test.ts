import type { Product, ProductPage } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callers, createAs, type Callers } from '../test/catalog-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';

describe('cacheable catalog answers and their invalidation', () => {
  let t: ShopTestApp;
  let who: Callers;
  let lamp: Product;

  beforeAll(async () => {
    // A long TTL: anything fresh in these tests was invalidated, not expired.
    t = await createShopTestApp({ catalogCacheTtlMs: 60_000 });
    who = await callers(t);
    lamp = await createAs(t, who.alice, {
      title: 'Brass lamp',
      price: { amount: 2_000_000, currency: 'KZT' },
    });
  });
  afterAll(async () => t.close());

  const price = async (url: string) => {
    const response = await t.app.inject({ url });
    return url.startsWith('/products?')
      ? response.json<ProductPage>().items.find((p) => p.id === lamp.id)?.price.amount
      : response.json<Product>().price.amount;
  };

  it('sends an ETag and Cache-Control, and 304 when the client already has the answer', async () => {
    for (const url of ['/products?limit=5', `/products/${lamp.id}`, '/categories']) {
      const first = await t.app.inject({ url });
      expect(first.headers['cache-control']).toBe('public, max-age=60, s-maxage=60');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^".+"$/);
      const again = await t.app.inject({ url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
  });

  it('shows a price change at once although the cached answers would live a minute', async () => {
    expect(await price('/products?q=brass')).toBe(2_000_000);
    expect(await price(`/products/${lamp.id}`)).toBe(2_000_000);
    const etag = (await t.app.inject({ url: `/products/${lamp.id}` })).headers.etag;
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/seller/products/${lamp.id}`,
      headers: { authorization: who.alice },
      payload: { variants: [{ id: lamp.variants?.[0]?.id, sku: lamp.variants?.[0]?.sku, price: 1_800_000 }] },
    });
    expect(edit.statusCode).toBe(200);
    expect(await price('/products?q=brass')).toBe(1_800_000);
    const fresh = await t.app.inject({
      url: `/products/${lamp.id}`,
      headers: { 'if-none-match': String(etag) },
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json<Product>().price.amount).toBe(1_800_000);
  });

  it('never shares an owner’s private view (drafts, translations) through the cache', async () => {
    const draft = await createAs(t, who.alice, {
      title: 'Secret draft',
      price: { amount: 100_000, currency: 'KZT' },
      status: 'draft',
      translations: { ru: { title: 'Секрет', description: '' } },
    });
    const own = await t.app.inject({ url: `/products/${draft.id}`, headers: { authorization: who.alice } });
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect(own.json<Product>().translations?.ru?.title).toBe('Секрет');
    expect((await t.app.inject({ url: `/products/${draft.id}` })).statusCode).toBe(404);
    const other = await t.app.inject({ url: `/products/${lamp.id}`, headers: { authorization: who.bob } });
    expect(other.json<Product>().translations).toBeUndefined();
  });

  it('keeps its answers through a quote, which changes no page (every checkout asks for two)', async () => {
    const page = async () => (await t.app.inject({ url: `/products/${lamp.id}` })).json<Product>();
    const before = await page();
    const variant = before.variants?.[0];
    if (!variant) throw new Error('the lamp has no variant');
    // A change behind the service's back (no write through it, no event, no feed in this test app).
    await t.db.sql`update product_variants set price_amount = price_amount + 100 where id = ${variant.id}`;
    const quote = await t.app.inject({
      method: 'POST',
      url: '/quotes',
      headers: { authorization: who.bob },
      payload: { lines: [{ variantId: variant.id, quantity: 1 }] },
    });
    expect(quote.statusCode).toBe(200);
    const shown = (await page()).variants?.find((v) => v.id === variant.id);
    expect(shown?.regularPrice.amount).toBe(variant.regularPrice.amount);
  });
});
