/**
 * Events published by `shipping`: shipments opened (outbound, customer returns, returns to sender), every
 * status change derived from the tracking log, and deliveries.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Money, Timestamp, Uuid } from '../primitives.ts';
import { ShippingAddressSnapshot } from './orders.ts';

/** A shipment's status, derived from its event log by rank and terminal-state rules. */
export const ShipmentStatus = Type.Union([
  Type.Literal('label_created'),
  Type.Literal('accepted'),
  Type.Literal('in_transit'),
  Type.Literal('out_for_delivery'),
  Type.Literal('delivery_failed'),
  Type.Literal('available_for_pickup'),
  Type.Literal('delivered'),
  Type.Literal('exception'),
  Type.Literal('return_initiated'),
  Type.Literal('return_in_transit'),
  Type.Literal('returned_to_sender'),
  Type.Literal('cancelled'),
  Type.Literal('lost'),
]);
export type ShipmentStatus = Static<typeof ShipmentStatus>;

/** outbound: a parcel to a customer; return: a customer's return; return_to_sender: refused or undeliverable. */
export const ShipmentKind = Type.Union([
  Type.Literal('outbound'),
  Type.Literal('return'),
  Type.Literal('return_to_sender'),
]);
export type ShipmentKind = Static<typeof ShipmentKind>;

/** Where a tracking event happened. */
export const TrackingPlace = Type.Object({
  kind: Type.Union([
    Type.Literal('depot'),
    Type.Literal('sorting_centre'),
    Type.Literal('vehicle'),
    Type.Literal('address'),
    Type.Literal('carrier'),
  ]),
  id: Type.Optional(Uuid),
  name: Type.Optional(Type.String()),
  city: Type.Optional(Type.String()),
  lat: Type.Optional(Type.Number()),
  lng: Type.Optional(Type.Number()),
});
export type TrackingPlace = Static<typeof TrackingPlace>;

/** A time window, e.g. an ETA or a customer's delivery window. */
export const TimeWindow = Type.Object({ from: Timestamp, to: Timestamp });
export type TimeWindow = Static<typeof TimeWindow>;

/** A shipment was opened with its tracking number (S10 format, e.g. SD123456785KZ). */
export const ShipmentCreated = defineEvent(
  'shipping.shipment.created.v1',
  Type.Object({
    shipmentId: Uuid,
    trackingNumber: Type.String(),
    kind: ShipmentKind,
    orderId: Uuid,
    customerId: Type.Optional(Uuid),
    parcelId: Type.Optional(Uuid),
    /** The shipment this one is linked to (the outbound one, for a return or a return to sender). */
    linkedShipmentId: Type.Optional(Uuid),
    returnId: Type.Optional(Uuid),
    sellerIds: Type.Array(Uuid),
    lines: Type.Array(Type.Object({ lineId: Uuid, variantId: Uuid, quantity: Type.Integer({ minimum: 1 }) })),
    originDepotId: Type.Optional(Uuid),
    /** The sorting centre whose fleet delivers (or collects) it; absent when a carrier does. */
    sortingCentreId: Type.Optional(Uuid),
    recipient: ShippingAddressSnapshot,
    weightGrams: Type.Integer({ minimum: 1 }),
    dimensionsCm: Type.Object({
      l: Type.Integer({ minimum: 1 }),
      w: Type.Integer({ minimum: 1 }),
      h: Type.Integer({ minimum: 1 }),
    }),
    promisedDate: Type.String({ format: 'date' }),
    deliveryWindow: Type.Optional(TimeWindow),
    cashOnDelivery: Type.Optional(Money),
    createdAt: Timestamp,
  }),
);

/** The derived status of a shipment changed (late, duplicate and out-of-order events never cause one). */
export const ShipmentStatusChanged = defineEvent(
  'shipping.shipment.status_changed.v1',
  Type.Object({
    shipmentId: Uuid,
    trackingNumber: Type.String(),
    kind: ShipmentKind,
    orderId: Uuid,
    parcelId: Type.Optional(Uuid),
    returnId: Type.Optional(Uuid),
    status: ShipmentStatus,
    previousStatus: Type.Union([ShipmentStatus, Type.Null()]),
    reason: Type.Optional(Type.String()),
    place: Type.Optional(TrackingPlace),
    eta: Type.Optional(TimeWindow),
    at: Timestamp,
  }),
);

/** A shipment reached its customer; `shop` learns who may review what, `orders` completes the order. */
export const ShipmentDelivered = defineEvent(
  'shipping.shipment.delivered.v1',
  Type.Object({
    shipmentId: Uuid,
    orderId: Uuid,
    customerId: Uuid,
    trackingNumber: Type.Optional(Type.String()),
    parcelId: Type.Optional(Uuid),
    lines: Type.Array(
      Type.Object({ variantId: Uuid, productId: Uuid, quantity: Type.Integer({ minimum: 1 }) }),
    ),
    deliveredAt: Timestamp,
  }),
);
