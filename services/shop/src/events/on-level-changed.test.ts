import { demoProductId, demoVariantId, LevelChanged, type ProductPage } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWrites } from '../test/count-writes.ts';
import { createSeededShop, type SeededShop } from '../test/shop-test-app.ts';
import { onLevelChanged } from './on-level-changed.ts';

describe('in stock: levels from stock.level.changed.v1, the inStock filter and facet', () => {
  let t: SeededShop;
  // One connection, so each socket write is one round trip and statements stay prepared between events.
  let one: Db;
  let flips = 0;
  const handle = onLevelChanged(() => (flips += 1));

  beforeAll(async () => {
    t = await createSeededShop(1);
    one = t.pool;
  });
  afterAll(async () => t.close());

  /** Handles a level of variant `k` of product `n`; resolves to the handler's round trips. */
  const level = (n: number, available: number, at: string, k = 1) =>
    withTransaction(one, (tx) =>
      countWrites(tx, () =>
        handle(
          {
            id: uuidv7(),
            type: LevelChanged.type,
            occurredAt: at,
            source: 'stock',
            data: { variantId: demoVariantId(n, k), available, at },
            headers: {},
          },
          tx,
        ),
      ),
    );
  const list = async (query: string) =>
    (await t.app.inject({ url: `/products${query}` })).json<ProductPage>();

  it('counts nothing as in stock before stock has said so', async () => {
    const page = await list('?inStock=true');
    expect(page.total).toBe(0);
    expect(page.facets.inStock).toBe(0);
  });

  it('lists a product as in stock once a variant has available units, and counts it in the facet', async () => {
    await level(1, 5, '2026-11-01T10:00:00Z');
    await level(2, 0, '2026-11-01T10:00:00Z');
    const page = await list('?inStock=true&limit=50');
    expect(page.items.map((p) => p.id)).toEqual([demoProductId(1)]);
    expect((await list('?limit=1')).facets.inStock).toBe(1);
    expect(flips).toBe(1);
  });

  it('ignores an older level arriving late, and handles a repeated one without a second flip', async () => {
    await level(1, 0, '2026-11-01T09:00:00Z');
    expect((await list('?inStock=true')).total).toBe(1);
    await level(1, 5, '2026-11-01T10:00:00Z');
    expect(flips).toBe(1);
  });

  it('takes a product out of stock when its last available unit is gone', async () => {
    await level(1, 0, '2026-11-01T11:00:00Z');
    expect((await list('?inStock=true')).total).toBe(0);
    expect(flips).toBe(2);
  });

  it('keeps a product of two variants in stock while either has units; a count that only moves is one round trip', async () => {
    await t.db.sql`
      insert into product_variants (id, product_id, seller_id, sku, options, price_amount, weight_grams, position)
      select ${demoVariantId(3, 2)}, product_id, seller_id, 'DEMO-003-2', options, price_amount, weight_grams, 1
      from product_variants where id = ${demoVariantId(3)}`;
    const inStock = async () => (await list('?inStock=true&limit=50')).items.map((p) => p.id);
    await level(3, 4, '2026-11-02T10:00:00Z');
    expect(await inStock()).toEqual([demoProductId(3)]);
    expect(flips).toBe(3);
    expect(await level(3, 2, '2026-11-02T10:01:00Z', 2)).toBe(1);
    // A variant running out makes the product's variants be read (a second round trip), with no flip.
    expect(await level(3, 0, '2026-11-02T10:02:00Z')).toBe(2);
    expect(await level(3, 1, '2026-11-02T10:03:00Z', 2)).toBe(1);
    expect(await inStock()).toEqual([demoProductId(3)]);
    expect(flips).toBe(3);
    await level(3, 0, '2026-11-02T10:04:00Z', 2);
    expect(await inStock()).toEqual([]);
    expect(flips).toBe(4);
  });
});
