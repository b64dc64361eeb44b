import { DEMO_SITES } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippingErrors } from './errors.ts';
import { createShippingTestApp, type ShippingTestApp } from './test/shipping-test-app.ts';

let t: ShippingTestApp;
beforeAll(async () => {
  t = await createShippingTestApp();
});
afterAll(() => t.close());

describe('the shipping error catalogue and network', () => {
  it('documents every code of errors.ts in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      'x-error-codes': { name: string; description: string }[];
    }>();
    const documented = new Map(doc['x-error-codes'].map((e) => [e.name, e.description]));
    for (const spec of shippingErrors) expect(documented.get(spec.code)).toBe(`${spec.status} ${spec.title}`);
  });

  it('documents who may call each route', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { 'x-access': string }>>;
    }>();
    expect(doc.paths['/tracking/{trackingNumber}']?.get?.['x-access']).toBe('public');
    expect(doc.paths['/admin/shipments']?.get?.['x-access']).toBe('admin, support');
    expect(doc.paths['/shipping/scans']?.post?.['x-access']).toBe('warehouseman, dispatcher, admin');
  });

  it('seeds the sorting centres and depots with the ids dispatching and stock use', async () => {
    const centres = await t.db.sql<{ id: string }[]>`select id from sorting_centres order by id`;
    const depots = await t.db.sql<{ id: string }[]>`select id from depots order by id`;
    expect(centres.map((row) => row.id)).toEqual(Object.values(DEMO_SITES.sortingCentres).sort());
    expect(depots.map((row) => row.id)).toEqual(Object.values(DEMO_SITES.depots).sort());
  });

  it('keeps the tracking log append-only', async () => {
    await expect(t.db.sql`update tracking_events set code = 'note'`).resolves.toBeDefined(); // no rows yet
    await t.db.sql`insert into shipments (id, tracking_number, kind, order_id, lines, recipient, weight_grams,
        dimensions_cm, promised_date, promised_by, status, status_at)
      values ('01960000-0000-7000-8000-00000000e001', 'SD123456785KZ', 'outbound', '01960000-0000-7000-8000-00000000e002',
        '[]', '{}', 1, '{}', '2026-01-01', 'rule', 'label_created', now())`;
    await t.db.sql`insert into tracking_events (id, shipment_id, code, occurred_at, source, external_id)
      values ('01960000-0000-7000-8000-00000000e003', '01960000-0000-7000-8000-00000000e001', 'note', now(), 't', '1')`;
    await expect(t.db.sql`update tracking_events set code = 'lost'`).rejects.toThrow(/append-only/);
    await expect(t.db.sql`delete from tracking_events`).rejects.toThrow(/append-only/);
  });
});
