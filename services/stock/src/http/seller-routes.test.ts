import { DEMO_SITES, demoVariantId } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerDrift } from '../levels/movement.ts';
import { createStockTestApp, OTHER_SELLER, type StockTestApp } from '../test/stock-test-app.ts';

describe('seller stock routes', () => {
  let t: StockTestApp;
  beforeAll(async () => {
    t = await createStockTestApp();
    // The other seller owns one SKU of their own.
    await t.db.sql`insert into skus (variant_id, sku, product_id, seller_id, title)
      values ('01940000-0000-7000-8000-0000000aaaa1', 'OTHER-1', '01940000-0000-7000-8000-0000000aaaa2', ${OTHER_SELLER}, 'Other')`;
  });
  afterAll(async () => {
    expect(await ledgerDrift(t.db.sql)).toEqual([]);
    await t.close();
  });

  const get = async (who: 'seller' | 'otherSeller') =>
    t.app.inject({ url: '/seller/stock', headers: await t.as(who) });
  const put = async (
    who: 'seller' | 'otherSeller' | 'warehouseman',
    variantId: string,
    body: object,
    suffix = '',
  ) =>
    t.app.inject({
      method: 'PUT',
      url: `/seller/stock/${variantId}${suffix}`,
      headers: await t.as(who),
      payload: body,
    });

  it('lists the 36 demo SKUs with per-depot stock to their seller, with one sold out and a few low', async () => {
    const response = await get('seller');
    expect(response.statusCode).toBe(200);
    const items = response.json<{
      items: Array<{ sku: string; low: boolean; totals: { available: number } }>;
    }>().items;
    expect(items).toHaveLength(36);
    expect(items.filter((item) => item.totals.available === 0)).toHaveLength(1);
    expect(items.filter((item) => item.low).length).toBeGreaterThanOrEqual(3);
  });

  it('never shows one seller another seller’s SKUs', async () => {
    const items = (await get('otherSeller')).json<{ items: Array<{ sku: string }> }>().items;
    expect(items.map((item) => item.sku)).toEqual(['OTHER-1']);
  });

  it('sets on hand in the default depot through an adjustment movement', async () => {
    const variantId = demoVariantId(1);
    const response = await put('seller', variantId, { quantity: 77 });
    expect(response.statusCode).toBe(200);
    const item = response.json<{ depots: Array<{ depotId: string; onHand: number }> }>();
    expect(item.depots.find((d) => d.depotId === DEMO_SITES.depots.almaty)?.onHand).toBe(77);
    const [movement] = await t.db.sql`
      select kind, reason from movements where variant_id = ${variantId} order by id desc limit 1`;
    expect(movement).toEqual({ kind: 'adjustment', reason: 'set by seller' });
  });

  it('sets on hand in a named depot, even one without a level yet', async () => {
    const response = await put('seller', demoVariantId(36), {
      quantity: 5,
      depotId: DEMO_SITES.depots.astana,
    });
    expect(response.json<{ totals: { available: number } }>().totals.available).toBe(5);
  });

  it('refuses to set another seller’s SKU or threshold, as if it did not exist', async () => {
    for (const suffix of ['', '/threshold']) {
      const response = await put(
        'otherSeller',
        demoVariantId(2),
        suffix ? { threshold: 1 } : { quantity: 0 },
        suffix,
      );
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'SKU_NOT_FOUND' });
    }
    const [level] = await t.db.sql`select on_hand from stock_levels
      where variant_id = ${demoVariantId(2)} and depot_id = ${DEMO_SITES.depots.almaty}`;
    expect(level?.on_hand).toBeGreaterThan(0);
  });

  it('refuses non-sellers, unknown depots and on hand below what is held', async () => {
    expect((await put('warehouseman', demoVariantId(3), { quantity: 1 })).statusCode).toBe(403);
    const unknown = await put('seller', demoVariantId(3), {
      quantity: 1,
      depotId: '01940000-0000-7000-8000-00000000dead',
    });
    expect(unknown.json()).toMatchObject({ code: 'DEPOT_NOT_FOUND' });
    await t.db
      .sql`update stock_levels set reserved = 2 where variant_id = ${demoVariantId(3)} and depot_id = ${DEMO_SITES.depots.almaty}`;
    await t.db
      .sql`insert into movements (variant_id, depot_id, kind, reserved) values (${demoVariantId(3)}, ${DEMO_SITES.depots.almaty}, 'reservation', 2)`;
    const below = await put('seller', demoVariantId(3), { quantity: 1 });
    expect(below.statusCode).toBe(409);
    expect(below.json()).toMatchObject({ code: 'STOCK_BELOW_HELD' });
    expect((await put('seller', demoVariantId(3), { quantity: -1 })).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('raises one low-stock alert when a SKU falls to its threshold, and again only after it recovered', async () => {
    const variantId = demoVariantId(10);
    await put('seller', variantId, { threshold: 3 }, '/threshold');
    for (const depotId of Object.values(DEMO_SITES.depots))
      await put('seller', variantId, { quantity: 0, depotId });
    await put('seller', variantId, { quantity: 1 });
    await put('seller', variantId, { quantity: 2 });
    const alerts = async () =>
      (
        await t.db.sql<
          { payload: { variantId: string } }[]
        >`select payload from outbox where type = 'stock.level.low.v1'`
      ).filter((row) => row.payload.variantId === variantId).length;
    expect(await alerts()).toBe(1);
    await put('seller', variantId, { quantity: 50 });
    await put('seller', variantId, { quantity: 1 });
    expect(await alerts()).toBe(2);
    const item = (await get('seller')).json<{ items: Array<{ variantId: string; low: boolean }> }>().items;
    expect(item.find((i) => i.variantId === variantId)?.low).toBe(true);
  });
});
