import type { TrackingView } from '@sauda/contracts';
import {
  DEMO_IDS,
  DEMO_SITES,
  OrderConfirmed,
  OrderPlaced,
  ParcelCreated,
  ReturnApproved,
  demoProductId,
  type EventData,
} from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findByTrackingNumber, shipmentOfParcel } from '../data/shipments-repo.ts';
import { isValidS10 } from '../tracking-numbers/s10.ts';
import { captureHandlers } from '../test/capture.ts';
import { createShippingTestApp, parcelFor, type ShippingTestApp } from '../test/shipping-test-app.ts';
import { shipmentHandlers } from './subscribe.ts';

let t: ShippingTestApp;
let handlerOf: (type: string) => EventHandler;

beforeAll(async () => {
  t = await createShippingTestApp();
  // The kit's inbox dedupes by event id on top; these handlers must also be idempotent on their own.
  handlerOf = captureHandlers((consumer) => shipmentHandlers(consumer, t.carriers));
});
afterAll(() => t.close());

function placed(orderId: string, lineId: string, variantId: string): EventData<typeof OrderPlaced> {
  return {
    orderId,
    orderNumber: 'SD-7K3Q-91XM',
    customerId: DEMO_IDS.customer,
    placedAt: new Date().toISOString(),
    shippingAddress: parcelFor().recipient,
    lines: [
      {
        lineId,
        variantId,
        sku: 'DEMO-003',
        productId: demoProductId(3),
        sellerId: DEMO_IDS.seller,
        title: 'Demo',
        quantity: 2,
      },
    ],
  };
}

describe('opening shipments from events', () => {
  it('a packed parcel opens one shipment with an S10 number, the nearest centre and the order promise', async () => {
    const parcel = parcelFor();
    const [line] = parcel.lines;
    await t.deliver(
      OrderPlaced,
      handlerOf(OrderPlaced.type),
      placed(parcel.orderId, line!.lineId, line!.variantId),
    );
    await t.deliver(OrderConfirmed, handlerOf(OrderConfirmed.type), {
      orderId: parcel.orderId,
      confirmedAt: new Date().toISOString(),
      cashOnDelivery: { amount: 1_250_000, currency: 'KZT' },
      delivery: { kind: 'courier', promisedDate: '2026-12-01' },
    });
    await t.deliver(ParcelCreated, handlerOf(ParcelCreated.type), parcel);
    await t.deliver(ParcelCreated, handlerOf(ParcelCreated.type), parcel); // a replay under another event id
    const shipment = await shipmentOfParcel(t.db.sql, parcel.parcelId);
    expect(shipment).toMatchObject({
      kind: 'outbound',
      status: 'label_created',
      customerId: DEMO_IDS.customer,
      orderNumber: 'SD-7K3Q-91XM',
      sortingCentreId: DEMO_SITES.sortingCentres.almaty,
      carrier: null,
      promisedDate: '2026-12-01',
      promisedBy: 'order',
      cashOnDelivery: { amount: 1_250_000, currency: 'KZT' },
    });
    expect(isValidS10(shipment!.trackingNumber)).toBe(true);
    expect(shipment!.trackingNumber).toMatch(/^SD\d{9}KZ$/);
    const created = await t.outbox<{ parcelId: string }>('shipping.shipment.created.v1');
    expect(created.filter((event) => event.parcelId === parcel.parcelId)).toHaveLength(1);
  });

  it('a parcel packed before its order was placed learns its customer when the placement arrives', async () => {
    const parcel = parcelFor();
    await t.deliver(ParcelCreated, handlerOf(ParcelCreated.type), parcel);
    expect(await shipmentOfParcel(t.db.sql, parcel.parcelId)).toMatchObject({
      customerId: null,
      promisedBy: 'rule',
    });
    const [line] = parcel.lines;
    await t.deliver(
      OrderPlaced,
      handlerOf(OrderPlaced.type),
      placed(parcel.orderId, line!.lineId, line!.variantId),
    );
    expect(await shipmentOfParcel(t.db.sql, parcel.parcelId)).toMatchObject({
      customerId: DEMO_IDS.customer,
    });
  });

  it('a recipient beyond our fleet goes to the national post, handed over at once', async () => {
    const parcel = parcelFor({
      recipient: {
        countryCode: 'KZ',
        city: 'Aktobe',
        line1: 'Abilkaiyr Khan Ave 44',
        lat: 50.2839,
        lng: 57.167,
      },
    });
    await t.deliver(ParcelCreated, handlerOf(ParcelCreated.type), parcel);
    const shipment = await shipmentOfParcel(t.db.sql, parcel.parcelId);
    expect(shipment).toMatchObject({ carrier: 'kazpost', sortingCentreId: null, status: 'in_transit' });
    expect(shipment!.carrierRef).toContain(shipment!.trackingNumber);
  });

  it('an approved return opens one return shipment linked both ways to the parcel that carried its lines', async () => {
    const parcel = parcelFor();
    await t.deliver(ParcelCreated, handlerOf(ParcelCreated.type), parcel);
    const original = await shipmentOfParcel(t.db.sql, parcel.parcelId);
    const approved: EventData<typeof ReturnApproved> = {
      returnId: uuidv7(),
      orderId: parcel.orderId,
      orderNumber: 'SD-7K3Q-91XM',
      customerId: DEMO_IDS.customer,
      pickupAddress: parcel.recipient,
      lines: [{ ...parcel.lines[0]!, quantity: 1, sellerId: DEMO_IDS.seller }],
      approvedAt: new Date().toISOString(),
    };
    await t.deliver(ReturnApproved, handlerOf(ReturnApproved.type), approved);
    await t.deliver(ReturnApproved, handlerOf(ReturnApproved.type), approved);
    const returns = await t.db.sql<{ tracking_number: string }[]>`
      select tracking_number from shipments where return_id = ${approved.returnId}`;
    expect(returns).toHaveLength(1);
    const back = await findByTrackingNumber(t.db.sql, returns[0]!.tracking_number);
    expect(back).toMatchObject({
      kind: 'return',
      status: 'return_initiated',
      destinationDepotId: DEMO_SITES.depots.almaty,
      weightGrams: 600,
    });
    const forward = await t.app.inject({ method: 'GET', url: `/tracking/${original!.trackingNumber}` });
    expect(forward.json<TrackingView>().linked).toEqual([
      {
        trackingNumber: back!.trackingNumber,
        kind: 'return',
        status: 'return_initiated',
        relation: 'return',
      },
    ]);
    const backward = await t.app.inject({ method: 'GET', url: `/tracking/${back!.trackingNumber}` });
    expect(backward.json<TrackingView>().linked).toEqual([
      {
        trackingNumber: original!.trackingNumber,
        kind: 'outbound',
        status: 'label_created',
        relation: 'original',
      },
    ]);
  });
});
