import { DEMO_IDS, DEMO_SITES, StopDelivered, type TrackingView } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shipment } from '../data/shipments-repo.ts';
import { fleetHandlers } from '../events/subscribe.ts';
import { captureHandlers } from '../test/capture.ts';
import { openShipment } from '../test/open.ts';
import { createShippingTestApp, OTHER_CUSTOMER, type ShippingTestApp } from '../test/shipping-test-app.ts';

let t: ShippingTestApp;
let delivered: Shipment;

beforeAll(async () => {
  t = await createShippingTestApp();
  delivered = await openShipment(t);
  const fleet = captureHandlers((consumer) => fleetHandlers(consumer, t.policy));
  await t.deliver(StopDelivered, fleet(StopDelivered.type), {
    roundId: uuidv7(),
    stopId: uuidv7(),
    shipmentId: delivered.id,
    trackingNumber: delivered.trackingNumber,
    driverId: DEMO_IDS.driver,
    sortingCentreId: DEMO_SITES.sortingCentres.almaty,
    at: new Date().toISOString(),
    proof: { kind: 'signature', recipientName: 'Dana C.', position: { lat: 43.24331, lng: 76.95672 } },
  });
});
afterAll(() => t.close());

const track = async (number: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/tracking/${number}`, headers });

describe('public tracking', () => {
  it('anyone sees the timeline at city level: no name, street, phone or coordinates', async () => {
    const answer = await track(delivered.trackingNumber);
    expect(answer.statusCode).toBe(200);
    const view = answer.json<TrackingView>();
    expect(view).toMatchObject({
      status: 'delivered',
      full: false,
      to: { city: 'Almaty' },
      from: { city: 'Almaty' },
    });
    expect(view.events.map((event) => event.code)).toEqual(['delivered', 'label_created']);
    expect(view.events[0]!.place).toEqual({ kind: 'address', city: 'Almaty' });
    expect(view.proof).toMatchObject({ kind: 'signature', hasMedia: false });
    expect(view.proof).not.toHaveProperty('recipientName');
    const text = answer.body;
    for (const secret of ['Dana', 'Dostyk', '+7 701', '43.243', 'PC-TEST', delivered.orderId]) {
      expect(text).not.toContain(secret);
    }
    expect(view.recipient).toBeUndefined();
  });

  it('the recipient and staff see it in full; another customer sees the public view', async () => {
    const own = (
      await track(delivered.trackingNumber, await t.as(DEMO_IDS.customer, ['customer']))
    ).json<TrackingView>();
    expect(own).toMatchObject({
      full: true,
      recipient: { line1: 'Dostyk Ave 12, apt 4' },
      proof: { recipientName: 'Dana C.' },
    });
    const support = (
      await track(delivered.trackingNumber, await t.as(DEMO_IDS.support, ['support']))
    ).json<TrackingView>();
    expect(support.full).toBe(true);
    const other = await track(delivered.trackingNumber, await t.as(OTHER_CUSTOMER, ['customer']));
    expect(other.json<TrackingView>().full).toBe(false);
    expect(other.body).not.toContain('Dostyk');
  });

  it('reads numbers as typed, and answers unknown and malformed numbers alike', async () => {
    const typed = delivered.trackingNumber.toLowerCase().replace(/(\d{4})/, '$1 ');
    expect((await track(encodeURIComponent(typed))).statusCode).toBe(200);
    const unknown = await track('SD000000005KZ');
    const malformed = await track('not-a-number');
    expect([unknown.statusCode, malformed.statusCode]).toEqual([404, 404]);
    expect(unknown.json<{ code: string }>().code).toBe('SHIPMENT_NOT_FOUND');
  });
});

describe('an order’s shipments', () => {
  it('the customer gets their own order’s timelines; another customer gets 404; staff get any', async () => {
    const url = `/shipping/orders/${delivered.orderId}/shipments`;
    const own = await t.app.inject({ url, headers: await t.as(DEMO_IDS.customer, ['customer']) });
    expect(own.json<{ items: Array<Record<string, unknown>> }>().items).toMatchObject([
      { trackingNumber: delivered.trackingNumber, full: true },
    ]);
    const other = await t.app.inject({ url, headers: await t.as(OTHER_CUSTOMER, ['customer']) });
    expect(other.statusCode).toBe(404);
    expect(other.json<{ code: string }>().code).toBe('ORDER_SHIPMENTS_NOT_FOUND');
    const staff = await t.app.inject({ url, headers: await t.as(DEMO_IDS.admin, ['admin']) });
    expect(staff.json<{ items: Array<Record<string, unknown>> }>().items).toHaveLength(1);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
  });
});

describe('scans at sorting centres and depots', () => {
  it('staff scan a parcel in; a retried scan is logged once; customers and drivers may not scan', async () => {
    const shipment = await openShipment(t);
    const scan = (headers: Record<string, string>, scanId = uuidv7()) =>
      t.app.inject({
        method: 'POST',
        url: '/shipping/scans',
        headers,
        payload: {
          trackingNumber: shipment.trackingNumber,
          action: 'arrived',
          siteId: DEMO_SITES.sortingCentres.almaty,
          scanId,
        },
      });
    const staff = await t.as(DEMO_IDS.dispatcher, ['dispatcher']);
    const scanId = uuidv7();
    const first = await scan(staff, scanId);
    expect(first.json()).toMatchObject({
      status: 'in_transit',
      duplicate: false,
      site: { kind: 'sorting_centre', city: 'Almaty' },
    });
    expect((await scan(staff, scanId)).json()).toMatchObject({ duplicate: true });
    expect((await scan(await t.as(DEMO_IDS.customer, ['customer']))).statusCode).toBe(403);
    expect((await scan(await t.as(DEMO_IDS.driver, ['driver']))).statusCode).toBe(403);
    const sites = await t.app.inject({ url: '/shipping/sites', headers: staff });
    expect(sites.json<{ items: Array<Record<string, unknown>> }>().items).toHaveLength(6);
  });

  it('a scan needs a known site', async () => {
    const shipment = await openShipment(t);
    const answer = await t.app.inject({
      method: 'POST',
      url: '/shipping/scans',
      headers: await t.as(DEMO_IDS.warehouseman, ['warehouseman']),
      payload: { trackingNumber: shipment.trackingNumber, action: 'accepted' },
    });
    expect(answer.json<{ code: string }>().code).toBe('SITE_NOT_FOUND');
  });
});
