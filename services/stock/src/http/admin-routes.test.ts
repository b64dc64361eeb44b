import { DEMO_IDS, DEMO_SITES } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stockErrors } from '../errors.ts';
import { createStockTestApp, type StockTestApp } from '../test/stock-test-app.ts';

const KARAGANDA = {
  code: 'KGF-1',
  name: 'Karaganda depot',
  countryCode: 'KZ',
  city: 'Karaganda',
  address: 'Bukhar Zhyrau 1',
  lat: 49.8,
  lng: 73.1,
};

describe('admin depots', () => {
  let t: StockTestApp;
  beforeAll(async () => {
    t = await createStockTestApp();
  });
  afterAll(async () => t.close());

  it('lists the three demo depots with the demo warehouseman in Almaty', async () => {
    const response = await t.app.inject({ url: '/admin/depots', headers: await t.as('admin') });
    const items = response.json<{ items: Array<{ id: string; staff: Array<{ userId: string }> }> }>().items;
    expect(items.map((d) => d.id).sort()).toEqual(Object.values(DEMO_SITES.depots).sort());
    expect(items.find((d) => d.id === DEMO_SITES.depots.almaty)?.staff.map((s) => s.userId)).toEqual([
      DEMO_IDS.warehouseman,
    ]);
  });

  it('opens a depot once per code, moves the default and attaches staff', async () => {
    const admin = await t.as('admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/admin/depots',
      headers: admin,
      payload: { ...KARAGANDA, isDefault: true },
    });
    expect(created.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/admin/depots',
      headers: admin,
      payload: KARAGANDA,
    });
    expect(again.json()).toMatchObject({ code: 'DEPOT_CODE_TAKEN' });
    const id = created.json<{ id: string }>().id;
    const [defaults] = await t.db.sql`select count(*)::int as n from depots where is_default`;
    expect(defaults).toEqual({ n: 1 });
    const moved = await t.app.inject({
      method: 'PUT',
      url: `/admin/depots/${id}/staff/${DEMO_IDS.warehouseman}`,
      headers: admin,
    });
    expect(moved.json<{ staff: unknown[] }>().staff).toHaveLength(1);
    const depot = await t.app.inject({ url: '/warehouse/depot', headers: await t.as('warehouseman') });
    expect(depot.json()).toMatchObject({ id, code: 'KGF-1' });
    const closed = await t.app.inject({
      method: 'PATCH',
      url: `/admin/depots/${id}`,
      headers: admin,
      payload: { active: false },
    });
    expect(closed.json()).toMatchObject({ active: false });
    const detached = await t.app.inject({
      method: 'DELETE',
      url: `/admin/depots/${id}/staff/${DEMO_IDS.warehouseman}`,
      headers: admin,
    });
    expect(detached.json<{ staff: unknown[] }>().staff).toEqual([]);
  });

  it('refuses non-admins and bad input with problem codes', async () => {
    const asSeller = await t.app.inject({ url: '/admin/depots', headers: await t.as('seller') });
    expect(asSeller.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/admin/depots',
      headers: await t.as('admin'),
      payload: { ...KARAGANDA, lat: 200 },
    });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const missing = await t.app.inject({
      method: 'PATCH',
      url: '/admin/depots/01940000-0000-7000-8000-00000000dead',
      headers: await t.as('admin'),
      payload: { name: 'x' },
    });
    expect(missing.json()).toMatchObject({ code: 'DEPOT_NOT_FOUND' });
  });

  it('documents every error code and every route’s access rule in OpenAPI', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      'x-error-codes': Array<{ name: string; description: string }>;
      paths: Record<string, Record<string, { 'x-access': string }>>;
    }>();
    const documented = new Map(doc['x-error-codes'].map((e) => [e.name, e.description]));
    for (const spec of stockErrors) expect(documented.get(spec.code)).toBe(`${spec.status} ${spec.title}`);
    expect(doc.paths['/seller/stock']?.get?.['x-access']).toBe('seller');
    expect(doc.paths['/admin/depots']?.get?.['x-access']).toBe('admin');
    expect(doc.paths['/warehouse/tasks']?.get?.['x-access']).toBe('warehouseman, admin');
  });
});
