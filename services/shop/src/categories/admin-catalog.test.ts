import type { Category, ExchangeRate, Product, ProductPage } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { convertKzt } from '../prices/exchange-rates.ts';
import { callers, createAs, type Callers } from '../test/catalog-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';

describe('admin catalog: categories, moderation, exchange rates', () => {
  let t: ShopTestApp;
  let who: Callers;

  beforeAll(async () => {
    t = await createShopTestApp();
    await seedDemo(t.db.sql);
    who = await callers(t);
  });
  afterAll(async () => t.close());

  const admin = (
    method: 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: object,
    authorization = who.admin,
  ) => t.app.inject({ method, url, payload, headers: { authorization } });
  const tree = async () => (await t.app.inject({ url: '/categories' })).json<{ items: Category[] }>().items;

  it('creates a category with a slug from its English name, under a parent, with breadcrumbs', async () => {
    const home = (await tree()).find((c) => c.slug === 'home');
    const created = await admin('POST', '/admin/catalog/categories', {
      names: { en: 'Garden Tools', ru: 'Садовый инструмент', kk: 'Бақ құралдары' },
      parentId: home?.id,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<Category>()).toMatchObject({ slug: 'garden-tools', path: ['home', 'garden-tools'] });
    const taken = await admin('POST', '/admin/catalog/categories', {
      slug: 'garden-tools',
      names: { en: 'Again', ru: 'Снова', kk: 'Қайта' },
    });
    expect(taken.json()).toMatchObject({ code: 'CATEGORY_SLUG_TAKEN' });
  });

  it('renames and moves a category; products follow it in the parent filter', async () => {
    const toys = (await tree()).find((c) => c.slug === 'toys');
    const home = (await tree()).find((c) => c.slug === 'home');
    const moved = await admin('PATCH', `/admin/catalog/categories/${toys?.id}`, {
      slug: 'toys-and-games',
      names: { en: 'Toys and games', ru: 'Игрушки и игры', kk: 'Ойыншықтар мен ойындар' },
      parentId: home?.id,
    });
    expect(moved.json<Category>()).toMatchObject({
      path: ['home', 'toys-and-games'],
      name: 'Toys and games',
    });
    const underHome = (await t.app.inject({ url: '/products?category=home&limit=100' })).json<ProductPage>();
    expect(underHome.items.some((p) => p.category?.slug === 'toys-and-games')).toBe(true);
  });

  it('refuses to move a category under its own descendant', async () => {
    const electronics = (await tree()).find((c) => c.slug === 'electronics');
    const phones = (await tree()).find((c) => c.slug === 'smartphones');
    const cycle = await admin('PATCH', `/admin/catalog/categories/${electronics?.id}`, {
      parentId: phones?.id,
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json()).toMatchObject({ code: 'CATEGORY_CYCLE' });
  });

  it('only admins manage categories', async () => {
    const response = await admin(
      'POST',
      '/admin/catalog/categories',
      { names: { en: 'X', ru: 'X', kk: 'X' } },
      who.alice,
    );
    expect(response.statusCode).toBe(403);
  });

  it('hides a product with a reason: gone from search and its page, the owner sees why; restore brings it back', async () => {
    const p = await createAs(t, who.alice, {
      title: 'Suspicious watch',
      price: { amount: 9_000_000, currency: 'KZT' },
    });
    const hide = await admin('POST', `/admin/catalog/products/${p.id}/hide`, { reason: 'Counterfeit brand' });
    expect(hide.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/products?q=suspicious' })).json<ProductPage>().total).toBe(0);
    expect((await t.app.inject({ url: `/products/${p.id}` })).statusCode).toBe(404);
    const own = await t.app.inject({
      url: `/seller/products/${p.id}`,
      headers: { authorization: who.alice },
    });
    expect(own.json<Product>().moderation).toMatchObject({ reason: 'Counterfeit brand' });
    const queue = await t.app.inject({
      url: '/admin/catalog/products?hidden=true',
      headers: { authorization: who.admin },
    });
    expect(queue.json<{ items: Array<{ id: string; hiddenReason: string }> }>().items).toEqual([
      expect.objectContaining({ id: p.id, hiddenReason: 'Counterfeit brand' }),
    ]);
    const [event] = await t.db.sql<{ type: string }[]>`
      select type from outbox where payload ->> 'productId' = ${p.id} order by id desc limit 1`;
    expect(event?.type).toBe('shop.product.hidden.v1');
    await admin('POST', `/admin/catalog/products/${p.id}/restore`);
    expect((await t.app.inject({ url: `/products/${p.id}` })).statusCode).toBe(200);
  });

  it('keeps display exchange rates the storefront converts KZT with', async () => {
    const set = await admin('PUT', '/admin/catalog/exchange-rates/USD', { perKztE9: 2_000_000 });
    expect(set.statusCode).toBe(200);
    const rates = (await t.app.inject({ url: '/exchange-rates' })).json<{ items: ExchangeRate[] }>();
    expect(rates.items.find((r) => r.currency === 'USD')?.perKztE9).toBe(2_000_000);
    // 12 500.00 ₸ at 0.002 USD per tenge = 25.00 USD.
    expect(convertKzt(1_250_000, 2_000_000)).toBe(2500);
    const bad = await admin('PUT', '/admin/catalog/exchange-rates/GBP', { perKztE9: 1 });
    expect(bad.statusCode).toBe(400);
  });
});
