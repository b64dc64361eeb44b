import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureSystem, type FixtureSystem } from '../fixture.ts';

let system: FixtureSystem;
beforeAll(async () => {
  system = await createFixtureSystem(['shipping']);
}, 60_000);
afterAll(() => system?.drop());

async function shipment(status: string): Promise<{ id: string; tracking: string }> {
  const id = randomUUID();
  const tracking = `SD${String(randomInt(100_000_000, 999_999_999))}KZ`;
  await system.db('shipping')`
    insert into shipments (id, tracking_number, kind, order_id, lines, recipient, weight_grams, dimensions_cm,
      promised_date, promised_by, status, status_at)
    values (${id}, ${tracking}, 'outbound', ${randomUUID()}, '[]', '{}', 500, '{}', current_date, 'rule',
      ${status}, now())`;
  return { id, tracking };
}

async function log(shipmentId: string, code: string, status: string | null, minutesAgo: number) {
  await system.db('shipping')`
    insert into tracking_events (id, shipment_id, code, status, occurred_at, source, external_id)
    values (${randomUUID()}, ${shipmentId}, ${code}, ${status}, now() - ${minutesAgo} * interval '1 minute',
      'test', ${randomUUID()})`;
}

describe('parcel status agrees with its tracking log', () => {
  it('passes a parcel whose status is its log derived by shipping, late events included', async () => {
    const since = new Date(Date.now() - 1_000);
    const parcel = await shipment('delivered');
    await log(parcel.id, 'label_created', 'label_created', 30);
    await log(parcel.id, 'delivered', 'delivered', 10);
    // Arrives after delivery but happened before it: derivation, not "last event wins".
    await log(parcel.id, 'out_for_delivery', 'out_for_delivery', 20);
    await log(parcel.id, 'note', null, 5);
    expect(await system.check('parcel status agrees with its tracking log', { since })).toMatchObject({
      ok: true,
      checked: 1,
    });
  });

  it('fails a parcel whose stored status went back against its log', async () => {
    const since = new Date(Date.now() - 1_000);
    const parcel = await shipment('out_for_delivery');
    await log(parcel.id, 'out_for_delivery', 'out_for_delivery', 20);
    await log(parcel.id, 'delivered', 'delivered', 10);
    const result = await system.check('parcel status agrees with its tracking log', { since });
    expect(result.ok).toBe(false);
    expect(result.details.join()).toContain(`${parcel.tracking} is out_for_delivery, its log says delivered`);
  });
});
