import { DEMO_IDS, type Product, type ProductPage } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';

describe('shop catalog', () => {
  let t: ShopTestApp;
  let seller: string;
  let otherSeller: string;
  let customer: string;

  beforeAll(async () => {
    t = await createShopTestApp();
    expect(await seedDemo(t.db.sql)).toBe(36);
    seller = `Bearer ${await t.tokens.sign({ id: DEMO_IDS.seller, roles: ['seller', 'customer'], name: 'Demo Store' })}`;
    otherSeller = `Bearer ${await t.tokens.sign({ id: '01940000-0000-7000-8000-0000000000aa', roles: ['seller'], name: 'Aru Crafts' })}`;
    customer = `Bearer ${await t.tokens.sign({ id: DEMO_IDS.customer, roles: ['customer'] })}`;
  });
  afterAll(async () => t.close());

  const list = async (query: string, headers: Record<string, string> = {}) => {
    const response = await t.app.inject({ url: `/products${query}`, headers });
    expect(response.statusCode).toBe(200);
    return response.json<ProductPage>();
  };
  const create = (body: unknown, authorization = otherSeller) =>
    t.app.inject({
      method: 'POST',
      url: '/seller/products',
      payload: body as object,
      headers: { authorization },
    });

  it('seeds the demo catalog once, however often the service starts', async () => {
    expect(await seedDemo(t.db.sql)).toBe(0);
    expect((await list('?limit=1')).total).toBe(36);
  });

  it('refuses a listing page deeper than 10,000 products with PAGE_TOO_DEEP', async () => {
    const deep = await t.app.inject({ url: '/products?limit=100&page=101' });
    expect(deep.statusCode).toBe(400);
    expect(deep.json<{ code: string }>().code).toBe('PAGE_TOO_DEEP');
    expect((await t.app.inject({ url: '/products?limit=100&page=100' })).statusCode).toBe(200);
  });

  it('exports every listed product in id order, page by page, with its popularity', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject({
        url: `/catalog/export?limit=7${after ? `&after=${after}` : ''}`,
        headers: { 'accept-language': 'ru' },
      });
      expect(response.statusCode).toBe(200);
      const page: { items: Array<Product & { popularity: number }>; next: string | null } = response.json();
      expect(page.items.every((p) => typeof p.popularity === 'number' && p.status === 'active')).toBe(true);
      seen.push(...page.items.map((p) => p.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe((await list('?limit=1')).total);
    const bad = await t.app.inject({ url: '/catalog/export?after=not-a-uuid' });
    expect(bad.statusCode).toBe(400);
  });

  it('answers { items, total, facets } with brand and category counts', async () => {
    const page = await list('?limit=20');
    expect(page.items).toHaveLength(20);
    expect(page.total).toBe(36);
    expect(page.facets.brands).toEqual(
      expect.arrayContaining([{ value: 'Samsung', label: 'Samsung', count: 3 }]),
    );
    expect(page.facets.categories.find((c) => c.value === 'smartphones')?.count).toBe(5);
  });

  it('finds products by words in any order and forgives a typo', async () => {
    const both = (await list('?q=galaxy%20samsung')).items.map((p) => p.title);
    expect(both.slice(0, 2).every((title) => title.startsWith('Samsung Galaxy'))).toBe(true);
    const typo = await list('?q=samsnug');
    expect(typo.items.length).toBeGreaterThan(0);
    expect(typo.items[0]?.brand).toBe('Samsung');
  });

  it('stems Russian words: "смартфоны" finds a product titled "Смартфон …"', async () => {
    const created = await create({
      title: 'Смартфон Honor X8b',
      price: { amount: 9_999_000, currency: 'KZT' },
      brand: 'Honor',
    });
    expect(created.statusCode).toBe(201);
    expect((await list('?q=смартфоны')).items.map((p) => p.title)).toContain('Смартфон Honor X8b');
  });

  it('filters by a parent category including its subcategories, and by price', async () => {
    const electronics = await list('?category=electronics&limit=100');
    expect(
      electronics.items.every((p) =>
        ['electronics', 'smartphones', 'laptops', 'headphones'].includes(p.category?.slug ?? ''),
      ),
    ).toBe(true);
    expect(electronics.total).toBe(14);
    const cheap = await list('?category=electronics&maxPrice=5000000&sort=price_asc');
    expect(cheap.items.map((p) => p.price.amount)).toEqual(
      [...cheap.items.map((p) => p.price.amount)].sort((a, b) => a - b),
    );
    expect(cheap.items.every((p) => p.price.amount <= 5_000_000)).toBe(true);
  });

  it('keeps brand facets disjunctive: choosing a brand still shows the others to switch to', async () => {
    const page = await list('?category=smartphones&brand=Apple');
    expect(page.items.every((p) => p.brand === 'Apple')).toBe(true);
    expect(page.facets.brands.map((b) => b.value)).toEqual(
      expect.arrayContaining(['Apple', 'Samsung', 'Xiaomi']),
    );
  });

  it('names categories in the reader language', async () => {
    const page = await list('?category=smartphones&limit=1', { 'accept-language': 'kk-KZ' });
    expect(page.items[0]?.category?.name).toBe('Смартфондар');
    const tree = (await t.app.inject({ url: '/categories?lang=ru' })).json<{
      items: Array<{ slug: string; name: string; path: string[] }>;
    }>();
    expect(tree.items.find((c) => c.slug === 'laptops')).toMatchObject({
      name: 'Ноутбуки',
      path: ['electronics', 'laptops'],
    });
  });

  it('refuses a minimum price above the maximum with INVALID_PRICE_RANGE', async () => {
    const response = await t.app.inject({ url: '/products?minPrice=10&maxPrice=5' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_PRICE_RANGE' });
  });

  it('reports the true total on a page past the end', async () => {
    const page = await list('?page=99&limit=10&category=kitchen');
    expect(page.items).toEqual([]);
    expect(page.total).toBe(4);
  });

  it('lets a seller create a product owned by them and announces it through the outbox', async () => {
    const response = await create({
      title: 'Felt slippers',
      description: 'Warm felt slippers',
      categorySlug: 'shoes',
      brand: 'Aru',
      price: { amount: 650_000, currency: 'KZT' },
      attributes: { size: '38' },
    });
    expect(response.statusCode).toBe(201);
    const product = response.json<Product>();
    expect(product).toMatchObject({
      slug: 'felt-slippers',
      sellerName: 'Aru Crafts',
      status: 'active',
      category: { slug: 'shoes' },
    });
    expect(response.headers.location).toBe(`/products/${product.id}`);
    const events = await t.db.sql<{ type: string; payload: { productId: string; sellerId: string } }[]>`
      select type, payload from outbox where type = 'shop.product.created.v1' and payload->>'productId' = ${product.id}`;
    expect(events).toHaveLength(1);
    expect(events[0]?.payload).toMatchObject({
      productId: product.id,
      sellerId: '01940000-0000-7000-8000-0000000000aa',
    });
    expect((await t.app.inject({ url: '/products/felt-slippers' })).json()).toMatchObject({ id: product.id });
  });

  it('keeps slugs unique by adding a short suffix to a repeated title', async () => {
    const again = await create({ title: 'Felt slippers', price: { amount: 700_000, currency: 'KZT' } });
    expect(again.json<Product>().slug).toMatch(/^felt-slippers-[a-z0-9]{5}$/);
  });

  it('refuses unknown fields, so a seller cannot set the owner or the rating', async () => {
    const response = await create({
      title: 'Sneaky',
      price: { amount: 100, currency: 'KZT' },
      sellerId: DEMO_IDS.seller,
      rating: 5,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses a zero price and an unknown category with stable codes', async () => {
    expect(
      (await create({ title: 'Free thing', price: { amount: 0, currency: 'KZT' } })).json(),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      (
        await create({ title: 'Thing', categorySlug: 'nope', price: { amount: 100, currency: 'KZT' } })
      ).json(),
    ).toMatchObject({ code: 'CATEGORY_NOT_FOUND', status: 422 });
  });

  it('lets only sellers create products', async () => {
    expect(
      (await create({ title: 'Mine', price: { amount: 100, currency: 'KZT' } }, customer)).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/seller/products', payload: {} })).statusCode).toBe(
      401,
    );
  });

  it('hides drafts from the public but shows them to their seller', async () => {
    const draft = (
      await create({
        title: 'Secret draft lamp',
        status: 'draft',
        price: { amount: 100_00, currency: 'KZT' },
      })
    ).json<Product>();
    expect((await t.app.inject({ url: `/products/${draft.id}` })).json()).toMatchObject({
      code: 'PRODUCT_NOT_FOUND',
    });
    expect(
      (await t.app.inject({ url: `/products/${draft.id}`, headers: { authorization: otherSeller } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/products/${draft.id}`, headers: { authorization: seller } })).statusCode,
    ).toBe(404);
    expect((await list('?q=secret%20draft%20lamp')).total).toBe(0);
    const own = (
      await t.app.inject({ url: '/seller/products', headers: { authorization: otherSeller } })
    ).json<{ items: Product[]; total: number }>();
    expect(own.items.map((p) => p.title)).toContain('Secret draft lamp');
    expect(own.items.every((p) => p.sellerId === '01940000-0000-7000-8000-0000000000aa')).toBe(true);
  });

  it('documents every shop error code in its OpenAPI document', async () => {
    const doc = JSON.stringify((await t.app.inject({ url: '/openapi.json' })).json());
    for (const code of ['PRODUCT_NOT_FOUND', 'CATEGORY_NOT_FOUND', 'INVALID_PRICE_RANGE'])
      expect(doc).toContain(code);
  });
});
