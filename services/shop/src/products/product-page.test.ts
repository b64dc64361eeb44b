import type { Product } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProductPage } from '../data/product-page-repo.ts';
import { findProduct } from '../data/products-repo.ts';
import { callers, createAs, type Callers } from '../test/catalog-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';
import { getProduct } from './get-product.ts';
import { productView } from './product-view.ts';

describe('the product page read in one statement', () => {
  let t: ShopTestApp;
  let who: Callers;

  beforeAll(async () => {
    t = await createShopTestApp();
    who = await callers(t);
  });
  afterAll(async () => t.close());

  it('answers exactly what the product, variants and images read one by one give, sale and gallery included', async () => {
    const tee = await createAs(t, who.alice, {
      title: 'Linen shirt',
      price: { amount: 900_000, currency: 'KZT' },
      variants: [
        { sku: 'LIN-M', price: 900_000, compareAt: 1_200_000, options: { size: 'M' }, weightGrams: 180 },
        {
          sku: 'LIN-S',
          price: 850_000,
          options: { size: 'S' },
          sale: { amount: 700_000, startsAt: '2026-01-01T10:00:00.123Z', endsAt: '2099-01-01T00:00:00.000Z' },
        },
      ],
    });
    await t.db.sql`
      insert into product_images (id, product_id, original_key, large_key, thumb_key, width, height, alt, position)
      values ('01940000-0000-7000-8000-00000000f001', ${tee.id}, 'a/o.png', 'a/l.webp', 'a/t.webp', 640, 480, 'front', 1),
             ('01940000-0000-7000-8000-00000000f002', ${tee.id}, 'b/o.png', 'b/l.webp', 'b/t.webp', 320, 240, '', 0)`;
    const row = await findProduct(t.db.sql, tee.id);
    if (!row) throw new Error('the product was not created');
    for (const caller of [undefined, { id: who.aliceId, roles: ['seller' as const], name: 'Alice Crafts' }]) {
      const page = await getProduct(t.db.sql, tee.id, caller, 'ru');
      expect(JSON.stringify(page)).toBe(JSON.stringify(await productView(t.db.sql, row, caller, 'ru')));
    }
    const page = await getProduct(t.db.sql, tee.slug, undefined, 'en');
    expect(page.images?.map((i) => i.alt)).toEqual(['', 'front']);
    expect(page.variants?.[1]?.price.amount).toBe(700_000);
    expect(page.variants?.[1]?.sale?.startsAt).toBe('2026-01-01T10:00:00.123Z');
  });

  it('answers pages asked for at once each with its own product, by id, upper-case id or slug', async () => {
    const made = await Promise.all(
      ['Oak stool', 'Pine shelf', 'Birch tray'].map((title) =>
        createAs(t, who.bob, { title, price: { amount: 300_000, currency: 'KZT' } }),
      ),
    );
    const [stool, shelf, tray] = made as [Product, Product, Product];
    const asked = [
      stool.id,
      shelf.slug,
      tray.id.toUpperCase(),
      '01940000-0000-7000-8000-00000000dead',
      'no-such-slug',
      '------------------------------------',
      stool.id,
    ];
    const rows = await Promise.all(asked.map((key) => findProductPage(t.db.sql, key)));
    expect(rows.map((row) => row?.title)).toEqual([
      'Oak stool',
      'Pine shelf',
      'Birch tray',
      undefined,
      undefined,
      undefined,
      'Oak stool',
    ]);
    const odd = await t.app.inject({ url: '/products/------------------------------------' });
    expect(odd.statusCode).toBe(404);
  });
});
