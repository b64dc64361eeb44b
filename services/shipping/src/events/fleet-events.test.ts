import type { TrackingView } from '@sauda/contracts';
import {
  DEMO_IDS,
  DEMO_SITES,
  OrderPlaced,
  ParcelCreated,
  RoundStarted,
  StopDelivered,
  StopDeliveryFailed,
  StopLoaded,
  demoProductId,
  type EventData,
} from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findShipment, shipmentOfParcel, type Shipment } from '../data/shipments-repo.ts';
import { captureHandlers } from '../test/capture.ts';
import { createShippingTestApp, parcelFor, type ShippingTestApp } from '../test/shipping-test-app.ts';
import { fleetHandlers, shipmentHandlers } from './subscribe.ts';

let t: ShippingTestApp;
let handlerOf: (type: string) => EventHandler;

beforeAll(async () => {
  t = await createShippingTestApp();
  const shipments = captureHandlers((consumer) => shipmentHandlers(consumer, t.carriers));
  const fleet = captureHandlers((consumer) => fleetHandlers(consumer, t.policy));
  handlerOf = (type) => (type.startsWith('dispatching.') ? fleet(type) : shipments(type));
});
afterAll(() => t.close());

const minutes = (n: number) => new Date(Date.UTC(2026, 10, 20, 6, n)).toISOString();

async function openParcel(): Promise<Shipment> {
  const parcel = parcelFor();
  const line = parcel.lines[0]!;
  await t.deliver(OrderPlaced, handlerOf(OrderPlaced.type), {
    orderId: parcel.orderId,
    orderNumber: 'SD-TEST-0001',
    customerId: DEMO_IDS.customer,
    placedAt: minutes(0),
    shippingAddress: parcel.recipient,
    lines: [
      { ...line, sku: 'DEMO-009', productId: demoProductId(9), sellerId: DEMO_IDS.seller, title: 'Lamp' },
    ],
  });
  await t.deliver(ParcelCreated, handlerOf(ParcelCreated.type), parcel);
  return (await shipmentOfParcel(t.db.sql, parcel.parcelId))!;
}

function stop(shipment: Shipment, roundId: string, at: string) {
  return {
    roundId,
    stopId: `${shipment.id.slice(0, 24)}${shipment.id.slice(24).replace(/./, 'f')}`,
    shipmentId: shipment.id,
    trackingNumber: shipment.trackingNumber,
    driverId: DEMO_IDS.driver,
    sortingCentreId: DEMO_SITES.sortingCentres.almaty,
    at,
  };
}

async function fail(shipment: Shipment, reason: EventData<typeof StopDeliveryFailed>['reason'], at: string) {
  await t.deliver(StopDeliveryFailed, handlerOf(StopDeliveryFailed.type), {
    ...stop(shipment, uuidv7(), at),
    reason,
  });
}

describe('our fleet’s events', () => {
  it('loaded, out with an ETA, delivered with proof: delivered once, and shop learns the products', async () => {
    const shipment = await openParcel();
    const roundId = uuidv7();
    const eta = { from: minutes(90), to: minutes(150) };
    const delivered = {
      ...stop(shipment, roundId, minutes(100)),
      proof: { kind: 'signature' as const, recipientName: 'Dana C.' },
    };
    // Out of order on purpose: the proof arrives first, the round start last, the proof twice.
    await t.deliver(StopDelivered, handlerOf(StopDelivered.type), delivered);
    await t.deliver(StopLoaded, handlerOf(StopLoaded.type), {
      ...stop(shipment, roundId, minutes(10)),
      plannedDate: '2026-11-20',
    });
    await t.deliver(StopDelivered, handlerOf(StopDelivered.type), delivered);
    await t.deliver(RoundStarted, handlerOf(RoundStarted.type), {
      roundId,
      driverId: DEMO_IDS.driver,
      sortingCentreId: DEMO_SITES.sortingCentres.almaty,
      stops: [
        { stopId: delivered.stopId, shipmentId: shipment.id, trackingNumber: shipment.trackingNumber, eta },
      ],
      at: minutes(20),
    });
    expect(await findShipment(t.db.sql, shipment.id)).toMatchObject({
      status: 'delivered',
      proof: { kind: 'signature', recipientName: 'Dana C.' },
    });
    const deliveries = await t.outbox<{ shipmentId: string; lines: unknown[] }>(
      'shipping.shipment.delivered.v1',
    );
    expect(deliveries.filter((event) => event.shipmentId === shipment.id)).toEqual([
      expect.objectContaining({
        customerId: DEMO_IDS.customer,
        lines: [{ variantId: shipment.lines[0]!.variantId, productId: demoProductId(9), quantity: 2 }],
      }),
    ]);
    const changes = (
      await t.outbox<{ shipmentId: string; status: string }>('shipping.shipment.status_changed.v1')
    )
      .filter((event) => event.shipmentId === shipment.id)
      .map((event) => event.status);
    expect(changes).toEqual(['label_created', 'delivered']);
  });

  it('a recipient absent twice is retried, the third failure sends it back to sender on its own number', async () => {
    const shipment = await openParcel();
    await fail(shipment, 'recipient_absent', minutes(30));
    expect(await findShipment(t.db.sql, shipment.id)).toMatchObject({
      status: 'delivery_failed',
      failedAttempts: 1,
    });
    await fail(shipment, 'recipient_absent', minutes(60 * 24));
    await fail(shipment, 'recipient_absent', minutes(60 * 48));
    const [rts] = await t.db.sql<{ id: string }[]>`select id from shipments where sender_of = ${shipment.id}`;
    expect(await findShipment(t.db.sql, rts!.id)).toMatchObject({
      kind: 'return_to_sender',
      status: 'return_initiated',
      destinationDepotId: DEMO_SITES.depots.almaty,
    });
    const view = await t.app.inject({ method: 'GET', url: `/tracking/${shipment.trackingNumber}` });
    expect(view.json()).toMatchObject({ status: 'return_initiated', attempts: 3 });
    expect(view.json<TrackingView>().linked).toMatchObject([
      { kind: 'return_to_sender', relation: 'return_to_sender' },
    ]);
  });

  it('a refusal goes back to sender at once, and the depot receiving it finishes both shipments', async () => {
    const shipment = await openParcel();
    await fail(shipment, 'refused', minutes(30));
    await fail(shipment, 'refused', minutes(30)); // the same attempt reported twice
    const rtsRows = await t.db.sql<{ id: string; tracking_number: string }[]>`
      select id, tracking_number from shipments where sender_of = ${shipment.id}`;
    expect(rtsRows).toHaveLength(1);
    const headers = await t.as(DEMO_IDS.warehouseman, ['warehouseman']);
    for (const [action, siteId] of [
      ['arrived', DEMO_SITES.sortingCentres.almaty],
      ['arrived', DEMO_SITES.depots.almaty],
    ] as const) {
      const scan = await t.app.inject({
        method: 'POST',
        url: '/shipping/scans',
        headers,
        payload: { trackingNumber: rtsRows[0]!.tracking_number, action, siteId },
      });
      expect(scan.statusCode).toBe(200);
    }
    expect(await findShipment(t.db.sql, rtsRows[0]!.id)).toMatchObject({ status: 'returned_to_sender' });
    expect(await findShipment(t.db.sql, shipment.id)).toMatchObject({ status: 'returned_to_sender' });
  });
});
