import { DEMO_IDS, type ShipmentDetail } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shipment } from '../data/shipments-repo.ts';
import { openShipment } from '../test/open.ts';
import { createShippingTestApp, type ShippingTestApp } from '../test/shipping-test-app.ts';

let t: ShippingTestApp;
let support: Record<string, string>;
let late: Shipment;
let onTime: Shipment;

beforeAll(async () => {
  t = await createShippingTestApp();
  support = await t.as(DEMO_IDS.support, ['support']);
  late = await openShipment(t, DEMO_IDS.customer, { createdAt: '2026-01-05T08:00:00Z' });
  onTime = await openShipment(t);
});
afterAll(() => t.close());

const logEvent = (id: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/admin/shipments/${id}/events`, headers: support, payload });

describe('admin shipments', () => {
  it('lists newest first, filters late ones and finds by tracking or order number', async () => {
    const all = await t.app.inject({ url: '/admin/shipments', headers: support });
    expect(all.json()).toMatchObject({ total: 2, page: 1 });
    expect(all.json<{ items: Array<Record<string, unknown>> }>().items[0]?.trackingNumber).toBe(
      onTime.trackingNumber,
    );
    const lateOnes = await t.app.inject({ url: '/admin/shipments?late=true', headers: support });
    expect(lateOnes.json<{ items: Array<Record<string, unknown>> }>().items).toMatchObject([
      { trackingNumber: late.trackingNumber, late: true },
    ]);
    const found = await t.app.inject({ url: `/admin/shipments?q=${late.orderNumber}`, headers: support });
    expect(found.json<{ items: Array<Record<string, unknown>> }>().items).toMatchObject([
      { trackingNumber: late.trackingNumber },
    ]);
    const byNumber = await t.app.inject({
      url: `/admin/shipments?q=${onTime.trackingNumber.toLowerCase()}`,
      headers: support,
    });
    expect(byNumber.json<{ total: number }>().total).toBe(1);
  });

  it('is for admin and support only', async () => {
    const customer = await t.app.inject({
      url: '/admin/shipments',
      headers: await t.as(DEMO_IDS.customer, ['customer']),
    });
    expect(customer.statusCode).toBe(403);
  });

  it('support logs an exception, which shows in the exceptions filter and the full log', async () => {
    const answer = await logEvent(onTime.id, {
      code: 'exception',
      reason: 'Box crushed at the depot',
      note: 'Customer called, agreed to a repack',
      place: { kind: 'depot', city: 'Almaty' },
    });
    expect(answer.statusCode).toBe(201);
    const detail = answer.json<ShipmentDetail>();
    expect(detail.status).toBe('exception');
    expect(detail.events[0]).toMatchObject({
      code: 'exception',
      source: 'support',
      actor: DEMO_IDS.support,
      note: 'Customer called, agreed to a repack',
    });
    const exceptions = await t.app.inject({ url: '/admin/shipments?exceptions=true', headers: support });
    expect(exceptions.json<{ items: Array<Record<string, unknown>> }>().items).toMatchObject([
      { id: onTime.id },
    ]);
    // The public sees a free-text reason of support's as nothing at all.
    const pub = await t.app.inject({ url: `/tracking/${onTime.trackingNumber}` });
    expect(pub.body).not.toContain('crushed');
  });

  it('a manual event may not move a shipment where its lifecycle forbids', async () => {
    expect((await logEvent(late.id, { code: 'delivered' })).statusCode).toBe(201);
    const back = await logEvent(late.id, { code: 'in_transit' });
    expect(back.statusCode).toBe(409);
    expect(back.json<{ code: string }>().code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await logEvent(late.id, { code: 'note', note: 'customer confirmed receipt' })).statusCode).toBe(
      201,
    );
    const deliveries = await t.outbox<{ shipmentId: string }>('shipping.shipment.delivered.v1');
    expect(deliveries.filter((event) => event.shipmentId === late.id)).toHaveLength(1);
  });

  it('answers 404 for a shipment that does not exist', async () => {
    const answer = await t.app.inject({
      url: '/admin/shipments/01960000-0000-7000-8000-000000000999',
      headers: support,
    });
    expect(answer.json<{ code: string }>().code).toBe('SHIPMENT_NOT_FOUND');
  });
});
