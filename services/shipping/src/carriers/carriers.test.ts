import { DEMO_IDS, type ShipmentDetail } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findShipment, type Shipment } from '../data/shipments-repo.ts';
import { openShipment } from '../test/open.ts';
import { createShippingTestApp, KAZPOST_SECRET, type ShippingTestApp } from '../test/shipping-test-app.ts';
import { pollCarriers } from './poll-carriers.ts';

let t: ShippingTestApp;
let parcel: Shipment;
const AKTOBE = {
  countryCode: 'KZ',
  city: 'Aktobe',
  line1: 'Abilkaiyr Khan Ave 44',
  lat: 50.2839,
  lng: 57.167,
};
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createShippingTestApp();
  parcel = await openShipment(t, DEMO_IDS.customer, {
    recipient: AKTOBE,
    createdAt: new Date(Date.now() - 6 * HOUR).toISOString(),
  });
});
afterAll(() => t.close());

const webhook = (body: string, signature: string | undefined) =>
  t.app.inject({
    method: 'POST',
    url: '/shipping/carriers/kazpost/webhook',
    headers: {
      'content-type': 'application/json',
      ...(signature ? { 'x-carrier-signature': signature } : {}),
    },
    payload: body,
  });

describe('the KazPost sim carrier', () => {
  it('a signed webhook moves the status; an unknown code is kept raw and changes nothing', async () => {
    const events = t.sim.track(parcel.carrierRef!, new Date()); // PRM, SRT, WGH so far
    expect(events.map((event) => event.code)).toEqual(['PRM', 'SRT', 'WGH']);
    const { body, signature } = t.sim.webhook(events, KAZPOST_SECRET);
    const answer = await webhook(body, signature);
    expect(answer.json()).toEqual({ recorded: 3, duplicates: 0, unknownParcels: 0 });
    const detail = (
      await t.app.inject({
        url: `/admin/shipments/${parcel.id}`,
        headers: await t.as(DEMO_IDS.support, ['support']),
      })
    ).json<ShipmentDetail>();
    expect(detail.status).toBe('in_transit');
    expect(detail.events[0]).toMatchObject({
      code: 'carrier_update',
      status: null,
      rawCode: 'WGH',
      rawMessage: 'Reweighed for the tariff check',
      source: 'carrier:kazpost',
    });
    expect(detail.events[0]?.raw).toMatchObject({ code: 'WGH', barcode: parcel.trackingNumber });
    expect((await webhook(body, signature)).json()).toMatchObject({ recorded: 0, duplicates: 3 });
  });

  it('refuses an unsigned, a wrongly signed and a stale webhook, and an unknown carrier', async () => {
    const { body } = t.sim.webhook([], KAZPOST_SECRET);
    expect((await webhook(body, undefined)).json<{ code: string }>().code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect((await webhook(body, t.sim.webhook([], 'another-secret-entirely-00').signature)).statusCode).toBe(
      401,
    );
    const stale = t.sim.webhook([], KAZPOST_SECRET, Math.floor(Date.now() / 1000) - 3600);
    expect((await webhook(stale.body, stale.signature)).statusCode).toBe(401);
    const other = await t.app.inject({
      method: 'POST',
      url: '/shipping/carriers/dhl/webhook',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(other.json<{ code: string }>().code).toBe('CARRIER_NOT_FOUND');
  });

  it('polling catches up on what the webhooks missed, up to delivery', async () => {
    const later = new Date(Date.now() + 60 * HOUR);
    const result = await pollCarriers(t.db.sql, t.carriers, t.policy, later);
    expect(result).toMatchObject({ recorded: 4, unknownParcels: 0 });
    expect(await findShipment(t.db.sql, parcel.id)).toMatchObject({ status: 'delivered' });
    expect(await pollCarriers(t.db.sql, t.carriers, t.policy, later)).toMatchObject({ recorded: 0 });
  });
});
