import { DEMO_IDS, type TrackingView } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShippingTestApp, type ShippingTestApp } from '../test/shipping-test-app.ts';
import { seedDemo } from './seed-demo.ts';

let t: ShippingTestApp;
beforeAll(async () => {
  t = await createShippingTestApp();
});
afterAll(() => t.close());

const statuses = async () =>
  t.db.sql<{ kind: string; status: string; order_number: string }[]>`
    select kind, status, order_number from shipments order by order_number, kind`;

const countEvents = async () =>
  (await t.db.sql<{ n: number }[]>`select count(*)::int as n from tracking_events`)[0]?.n;

describe('the demo shipments', () => {
  it('tell every story once, however often the seed runs', async () => {
    const now = new Date();
    expect(await seedDemo(t.db.sql, t.carriers, t.policy, now)).toBe(8);
    const first = await statuses();
    const events = await countEvents();
    expect(await seedDemo(t.db.sql, t.carriers, t.policy, now)).toBe(0);
    expect(await statuses()).toEqual(first);
    expect(await countEvents()).toBe(events);
    expect(first.map((row) => `${row.order_number} ${row.kind} ${row.status}`)).toEqual([
      'SD-DEMO-0001 outbound delivered',
      'SD-DEMO-0002 outbound delivered',
      'SD-DEMO-0002 return returned_to_sender',
      'SD-DEMO-0003 outbound returned_to_sender',
      'SD-DEMO-0003 return_to_sender returned_to_sender',
      'SD-DEMO-0004 outbound out_for_delivery',
      'SD-DEMO-0005 outbound delivery_failed',
      'SD-DEMO-0006 outbound in_transit',
    ]);
  });

  it('belong to the demo customer, who sees them in full', async () => {
    const rows = await t.db.sql<{ tracking_number: string; customer_id: string }[]>`
      select tracking_number, customer_id from shipments where order_number = 'SD-DEMO-0004'`;
    expect(rows[0]?.customer_id).toBe(DEMO_IDS.customer);
    const view = await t.app.inject({
      url: `/tracking/${rows[0]!.tracking_number}`,
      headers: await t.as(DEMO_IDS.customer, ['customer']),
    });
    expect(view.json<TrackingView>()).toMatchObject({
      full: true,
      status: 'out_for_delivery',
    });
    expect(view.json<TrackingView>().eta).not.toBeNull();
  });
});
