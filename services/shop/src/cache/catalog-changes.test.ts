import type { Product } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogChanges } from '../data/catalog-changes-repo.ts';
import { callers, createAs, type Callers } from '../test/catalog-fixtures.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';
import { createCatalogCache, nextSaleBoundary } from './catalog-cache.ts';
import { followCatalogChanges } from './follow-catalog-changes.ts';

describe('the catalog change feed (ADR 0009)', () => {
  let t: ShopTestApp;
  let who: Callers;
  let lamp: Product;
  let chair: Product;
  let mug: Product;

  beforeAll(async () => {
    t = await createShopTestApp();
    who = await callers(t);
    lamp = await createAs(t, who.alice, {
      title: 'Brass lamp',
      price: { amount: 2_000_000, currency: 'KZT' },
    });
    chair = await createAs(t, who.alice, {
      title: 'Oak chair',
      price: { amount: 5_000_000, currency: 'KZT' },
    });
    mug = await createAs(t, who.alice, { title: 'Clay mug', price: { amount: 300_000, currency: 'KZT' } });
  });
  afterAll(async () => t.close());

  const latest = async () => (await readCatalogChanges(t.db.sql, undefined)).cursor;
  const edit = (id: string, payload: object) =>
    t.app.inject({
      method: 'PATCH',
      url: `/seller/products/${id}`,
      headers: { authorization: who.alice },
      payload,
    });

  it('tells a reader without a cursor that everything may have changed', async () => {
    const first = await readCatalogChanges(t.db.sql, undefined);
    expect(first).toMatchObject({ all: true, products: [] });
    expect(first.cursor).toMatch(/^\d+\.\d+\.[\d,]*$/);
  });

  // A read may repeat a change of a transaction still running at the previous read (ADR 0009): the
  // assertions below only ask for what must be there and what must not.
  it('lists the product whose page changed, not the others', async () => {
    const cursor = await latest();
    expect((await edit(lamp.id, { title: 'Brass desk lamp' })).statusCode).toBe(200);
    const changes = await readCatalogChanges(t.db.sql, cursor);
    expect(changes.all).toBe(false);
    expect(changes.products).toContain(lamp.id);
    expect(changes.products).not.toContain(mug.id);
    // Nothing new since: an empty answer, not the same change again.
    expect((await readCatalogChanges(t.db.sql, changes.cursor)).products).toEqual([]);
  });

  it('sees variant and image changes as their product page changing', async () => {
    const cursor = await latest();
    await t.db
      .sql`update product_variants set price_amount = price_amount - 100 where product_id = ${chair.id}`;
    expect((await readCatalogChanges(t.db.sql, cursor)).products).toContain(chair.id);
  });

  it('ignores what a page does not show (popularity), and bulk loads that opt out', async () => {
    const cursor = await latest();
    await t.db.sql`update products set popularity = popularity + 5 where id = ${mug.id}`;
    await t.db.sql.begin(async (tx) => {
      await tx`select set_config('sauda.catalog_changes', 'off', true)`;
      await tx`update products set title = 'Quiet title' where id = ${mug.id}`;
    });
    expect((await readCatalogChanges(t.db.sql, cursor)).products).not.toContain(mug.id);
  });

  it('answers all after a category changes (its names show on every page under it)', async () => {
    const cursor = await latest();
    await t.db.sql`update categories set position = position where true`;
    expect((await readCatalogChanges(t.db.sql, cursor)).all).toBe(true);
  });

  it('misses no change committed after a read by a transaction that began before it', async () => {
    const cursor = await latest();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written: () => void = () => undefined;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const slow = t.db.sql.begin(async (tx) => {
      await tx`update products set title = 'Slow writer' where id = ${lamp.id}`;
      written();
      await held;
    });
    await wrote;
    const during = await readCatalogChanges(t.db.sql, cursor);
    expect(during.products).not.toContain(lamp.id);
    release();
    await slow;
    expect((await readCatalogChanges(t.db.sql, during.cursor)).products).toContain(lamp.id);
  });

  it('refuses a cursor it did not write, and answers all to one older than the rows it keeps', async () => {
    const bad = await t.app.inject({ url: '/.well-known/catalog-changes.json?cursor=1%3B%20drop' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ code: string }>().code).toBe('INVALID_CURSOR');
    const old = await t.app.inject({
      url: `/.well-known/catalog-changes.json?cursor=1.${Date.now() - 3_600_000}.`,
    });
    expect(old.json<{ all: boolean }>().all).toBe(true);
    // A cursor naming a hundred transactions then in progress is still one it wrote.
    const xids = Array.from({ length: 100 }, (_, i) => String(4_000_000_000 + i)).join(',');
    const busy = await t.app.inject({
      url: `/.well-known/catalog-changes.json?cursor=${encodeURIComponent(`1.${Date.now()}.${xids}`)}`,
    });
    expect(busy.statusCode).toBe(200);
  });

  it('keeps pages long while followed, and drops exactly the changed one', async () => {
    let followed = true;
    const cache = createCatalogCache(10, { ttlMs: 60_000, followsFeed: () => followed });
    const follower = followCatalogChanges(t.db.sql, cache, { intervalMs: 60_000, onError: () => undefined });
    try {
      await follower.poll();
      let loads = 0;
      const page = (id: string) =>
        cache.getPage(`product:en:${id}`, async () => {
          loads += 1;
          return { id, loads };
        });
      await page(lamp.id);
      await page(chair.id);
      await new Promise((resolve) => setTimeout(resolve, 30));
      await page(lamp.id);
      await page(chair.id);
      expect(loads).toBe(2);
      await edit(chair.id, { title: 'Oak armchair' });
      await follower.poll();
      await page(lamp.id);
      await page(chair.id);
      expect(loads).toBe(3);
      // Not followed any more: a page lives only as long as a listing.
      followed = false;
      await new Promise((resolve) => setTimeout(resolve, 30));
      await page(lamp.id);
      expect(loads).toBe(4);
    } finally {
      follower.stop();
    }
  });

  it('does not keep a page past the moment one of its sales starts or ends', async () => {
    const cache = createCatalogCache(10, { ttlMs: 60_000, followsFeed: () => true });
    const startsAt = new Date(Date.now() + 150).toISOString();
    let loads = 0;
    const page = () =>
      cache.getPage('product:en:sale', async () => {
        loads += 1;
        return { id: lamp.id, variants: [{ sale: { startsAt, endsAt: null } }, { sale: null }] };
      });
    const first = await page();
    expect(first.validUntil).toBe(Date.parse(startsAt));
    await page();
    expect(loads).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await page();
    expect(loads).toBe(2);
    expect(
      nextSaleBoundary(
        {
          id: 'x',
          variants: [{ sale: { startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-02-01T00:00:00Z' } }],
        },
        Date.parse('2026-01-15T00:00:00Z'),
      ),
    ).toBe(Date.parse('2026-02-01T00:00:00Z'));
  });
});
