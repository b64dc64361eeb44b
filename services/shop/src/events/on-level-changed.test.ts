import { demoProductId, demoVariantId, LevelChanged, type ProductPage } from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { createShopTestApp, type ShopTestApp } from '../test/shop-test-app.ts';
import { onLevelChanged } from './on-level-changed.ts';

describe('in stock: levels from stock.level.changed.v1, the inStock filter and facet', () => {
  let t: ShopTestApp;
  let flips = 0;
  const handle = onLevelChanged(() => (flips += 1));

  beforeAll(async () => {
    t = await createShopTestApp();
    await seedDemo(t.db.sql);
  });
  afterAll(async () => t.close());

  const level = (n: number, available: number, at: string) =>
    withTransaction(t.db.sql, (tx) =>
      handle(
        {
          id: uuidv7(),
          type: LevelChanged.type,
          occurredAt: at,
          source: 'stock',
          data: { variantId: demoVariantId(n), available, at },
          headers: {},
        },
        tx,
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
});
