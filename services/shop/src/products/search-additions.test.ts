import { demoProductId, type ProductPage, type Suggestion } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { seedGenerated } from '../demo/seed-generated.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';

describe('search: attributes, rating, popularity, translations and suggestions', () => {
  let t: ShopTestApp;

  beforeAll(async () => {
    t = await createShopTestApp();
    await seedDemo(t.db.sql);
    await seedGenerated(t.db.sql, { products: 300, events: false });
  });
  afterAll(async () => t.close());

  const list = async (query: string) => {
    const response = await t.app.inject({ url: `/products${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<ProductPage>();
  };

  it('filters by attributes (all pairs must match) and by minimum rating', async () => {
    const navy = await list('?attr=colour:navy');
    expect(navy.items.map((p) => p.id)).toContain(demoProductId(1));
    expect(navy.items.every((p) => p.attributes.colour === 'navy')).toBe(true);
    const both = await list('?attr=colour:navy,memory:256%20GB');
    expect(both.items.map((p) => p.id)).toEqual([demoProductId(1)]);
    const good = await list('?minRating=4.8&limit=100');
    expect(good.total).toBeGreaterThan(0);
    expect(good.items.every((p) => (p.rating ?? 0) >= 4.8)).toBe(true);
    expect((await t.app.inject({ url: '/products?attr=colour' })).statusCode).toBe(400);
  });

  it('counts attribute values of the current results, each count equal to the total its filter gives', async () => {
    for (const query of ['?category=smartphones', '?q=smartphone']) {
      const page = await list(query);
      expect(page.facets.attributes?.length).toBeGreaterThan(0);
      const [attribute] = page.facets.attributes ?? [];
      const [value] = attribute?.values ?? [];
      if (!attribute || !value) throw new Error('no attribute facet');
      const counts = attribute.values.map((v) => v.count);
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
      const filtered = await list(`${query}&attr=${encodeURIComponent(`${attribute.name}:${value.value}`)}`);
      expect(filtered.total).toBe(value.count);
    }
  });

  it('forgives a typo through the trigram fallback only when full text finds almost nothing', async () => {
    const typo = await list('?q=smartphnoe');
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.items[0]?.title).toMatch(/smartphone/i);
    // A real word: full-text hits only, no look-alikes ("smart watch") mixed into the total.
    const exact = await list('?q=smartphone&limit=100');
    const rows = await t.db.sql<{ n: number }[]>`
      select count(*)::int as n from products where status = 'active' and hidden_at is null
        and search @@ (websearch_to_tsquery('simple', 'smartphone') || websearch_to_tsquery('english', 'smartphone')
                       || websearch_to_tsquery('russian', 'smartphone'))`;
    expect(exact.total).toBe(rows[0]?.n);
  });

  it('sorts by popularity', async () => {
    const page = await list('?sort=popularity&limit=50');
    const ids = page.items.map((p) => p.id);
    const rows = await t.db.sql<{ id: string; popularity: number }[]>`
      select id, popularity from products where status = 'active' order by popularity desc, created_at desc, id limit 50`;
    expect(ids).toEqual(rows.map((r) => r.id));
  });

  it('finds generated products by their Russian names and answers in the reader’s language', async () => {
    const ru = await list('?q=кроссовки&lang=ru');
    expect(ru.total).toBeGreaterThan(0);
    expect(ru.items[0]?.title).toMatch(/кроссовки/i);
    const en = await list('?q=кроссовки&lang=en');
    expect(en.items[0]?.title).toMatch(/sneakers|running shoes/i);
  });

  it('suggests categories, brands and products while typing', async () => {
    const suggest = async (q: string, lang = 'en') =>
      (await t.app.inject({ url: `/products/suggest?q=${encodeURIComponent(q)}&lang=${lang}` })).json<{
        items: Suggestion[];
      }>().items;
    const sam = await suggest('sams');
    expect(sam).toContainEqual({ kind: 'brand', text: 'Samsung', slug: null });
    expect(sam.some((s) => s.kind === 'product' && s.text.startsWith('Samsung'))).toBe(true);
    const phones = await suggest('смартф', 'ru');
    expect(phones[0]).toEqual({ kind: 'category', text: 'Смартфоны', slug: 'smartphones' });
    expect(await suggest('x')).toEqual([]);
    expect(await suggest('%_%')).toEqual([]);
  });
});
