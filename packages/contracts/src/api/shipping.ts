/**
 * The public API types of `shipping`: public tracking (with the recipient's details only for the recipient
 * and staff), the order page's shipments, admin shipments with the full log, scans and manual events.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Money, Timestamp, Uuid } from '../primitives.ts';
import { ShippingAddressSnapshot } from '../events/orders.ts';
import { ShipmentKind, ShipmentStatus, TimeWindow, TrackingPlace } from '../events/shipping.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date', description: 'a calendar date, YYYY-MM-DD' });

/** Every code of the tracking log; the web localises each one. */
export const TRACKING_CODES = [
  'label_created',
  'accepted',
  'arrived',
  'departed',
  'loaded_to_round',
  'handed_to_carrier',
  'in_transit',
  'out_for_delivery',
  'eta_updated',
  'arriving',
  'delivery_failed',
  'available_for_pickup',
  'delivered',
  'cash_collected',
  'exception',
  'return_opened',
  'return_initiated',
  'picked_up',
  'dropped_off',
  'return_in_transit',
  'returned',
  'cancelled',
  'lost',
  'note',
  'carrier_update',
] as const;
export const TrackingCode = Type.Union(TRACKING_CODES.map((code) => Type.Literal(code)));
export type TrackingCode = (typeof TRACKING_CODES)[number];

/** The codes support staff may log by hand (the rest come from scans, the fleet and carriers). */
export const MANUAL_TRACKING_CODES = [
  'accepted',
  'arrived',
  'departed',
  'in_transit',
  'delivery_failed',
  'available_for_pickup',
  'delivered',
  'exception',
  'returned',
  'cancelled',
  'lost',
  'note',
] as const satisfies readonly TrackingCode[];
export const ManualTrackingCode = Type.Union(MANUAL_TRACKING_CODES.map((code) => Type.Literal(code)));
export type ManualTrackingCode = (typeof MANUAL_TRACKING_CODES)[number];

/** What happens after a failed attempt. */
export const NextAction = Type.Union([
  Type.Literal('retry_next_day'),
  Type.Literal('contact_recipient'),
  Type.Literal('return_to_sender'),
]);
export type NextAction = Static<typeof NextAction>;

/** How a delivery was proven (the recipient's name only to the recipient and staff). */
export const ProofSummary = Type.Object({
  kind: Type.String(),
  at: Timestamp,
  recipientName: Type.Optional(Type.String()),
  hasMedia: Type.Boolean(),
});
export type ProofSummary = Static<typeof ProofSummary>;

/** One entry of a public timeline: places are city-level unless the caller is the recipient or staff. */
export const TrackingEventView = Type.Object({
  id: Uuid,
  code: TrackingCode,
  status: Nullable(ShipmentStatus),
  occurredAt: Timestamp,
  /** The IANA zone of the place: show the time as it was there. */
  timeZone: Type.String(),
  place: Nullable(TrackingPlace),
  reason: Nullable(Type.String()),
  nextAction: Nullable(NextAction),
  eta: Nullable(TimeWindow),
  /** The carrier's own code when the event came from a carrier. */
  carrierCode: Nullable(Type.String()),
});
export type TrackingEventView = Static<typeof TrackingEventView>;

/** A shipment linked to this one: its return, its return to sender, or the original it brings back. */
export const LinkedShipment = Type.Object({
  trackingNumber: Type.String(),
  kind: ShipmentKind,
  status: ShipmentStatus,
  relation: Type.Union([Type.Literal('return'), Type.Literal('return_to_sender'), Type.Literal('original')]),
});
export type LinkedShipment = Static<typeof LinkedShipment>;

/** `GET /api/tracking/:trackingNumber`. */
export const TrackingView = Type.Object({
  trackingNumber: Type.String(),
  kind: ShipmentKind,
  status: ShipmentStatus,
  statusAt: Timestamp,
  promisedDate: IsoDate,
  late: Type.Boolean(),
  /** Only while out for delivery (or when the fleet announced one). */
  eta: Nullable(TimeWindow),
  attempts: Type.Integer({ minimum: 0 }),
  nextAction: Nullable(NextAction),
  carrier: Nullable(Type.String()),
  from: Type.Object({ city: Type.String() }),
  to: Type.Object({ city: Type.String(), countryCode: Type.String() }),
  proof: Nullable(ProofSummary),
  linked: Type.Array(LinkedShipment),
  /** Newest first. */
  events: Type.Array(TrackingEventView),
  /** True when the caller is the recipient or staff and the fields below are filled. */
  full: Type.Boolean(),
  orderId: Type.Optional(Uuid),
  orderNumber: Type.Optional(Type.String()),
  /** Where it goes (for a customer's return: where it is collected from). */
  recipient: Type.Optional(ShippingAddressSnapshot),
  cashOnDelivery: Type.Optional(Money),
});
export type TrackingView = Static<typeof TrackingView>;

/** A row of the admin shipments list. */
export const ShipmentSummary = Type.Object({
  id: Uuid,
  trackingNumber: Type.String(),
  kind: ShipmentKind,
  status: ShipmentStatus,
  statusAt: Timestamp,
  orderId: Uuid,
  orderNumber: Nullable(Type.String()),
  city: Type.String(),
  carrier: Nullable(Type.String()),
  promisedDate: IsoDate,
  late: Type.Boolean(),
  attempts: Type.Integer({ minimum: 0 }),
  createdAt: Timestamp,
});
export type ShipmentSummary = Static<typeof ShipmentSummary>;

/** A log entry as support sees it: where it came from and the carrier's raw data. */
export const TrackingEventDetail = Type.Composite([
  TrackingEventView,
  Type.Object({
    source: Type.String(),
    externalId: Type.String(),
    actor: Nullable(Type.String()),
    note: Nullable(Type.String()),
    rawCode: Nullable(Type.String()),
    rawMessage: Nullable(Type.String()),
    raw: Type.Unknown(),
    proof: Type.Unknown(),
    recordedAt: Timestamp,
  }),
]);
export type TrackingEventDetail = Static<typeof TrackingEventDetail>;

/** `GET /api/admin/shipments/:id`. */
export const ShipmentDetail = Type.Composite([
  ShipmentSummary,
  Type.Object({
    customerId: Nullable(Uuid),
    parcelId: Nullable(Uuid),
    returnId: Nullable(Uuid),
    sellerIds: Type.Array(Uuid),
    lines: Type.Array(Type.Object({ lineId: Uuid, variantId: Uuid, quantity: Type.Integer({ minimum: 1 }) })),
    recipient: ShippingAddressSnapshot,
    weightGrams: Type.Integer(),
    dimensionsCm: Type.Object({ l: Type.Integer(), w: Type.Integer(), h: Type.Integer() }),
    originDepotId: Nullable(Uuid),
    sortingCentreId: Nullable(Uuid),
    carrierRef: Nullable(Type.String()),
    cashOnDelivery: Nullable(Money),
    eta: Nullable(TimeWindow),
    linked: Type.Array(LinkedShipment),
    events: Type.Array(TrackingEventDetail),
  }),
]);
export type ShipmentDetail = Static<typeof ShipmentDetail>;

/** `POST /api/admin/shipments/:id/events`: support logs what it learnt (a call, a claim, a found parcel). */
export const ManualTrackingEvent = Type.Object(
  {
    code: ManualTrackingCode,
    reason: Type.Optional(Type.String({ maxLength: 200 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    place: Type.Optional(
      Type.Object(
        {
          kind: Type.Union([
            Type.Literal('depot'),
            Type.Literal('sorting_centre'),
            Type.Literal('address'),
            Type.Literal('carrier'),
          ]),
          city: Type.Optional(Type.String({ maxLength: 80 })),
          name: Type.Optional(Type.String({ maxLength: 120 })),
        },
        { additionalProperties: false },
      ),
    ),
    occurredAt: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
export type ManualTrackingEvent = Static<typeof ManualTrackingEvent>;

/** `POST /api/shipping/scans`: a barcode scan at a sorting centre or depot. */
export const ScanRequest = Type.Object(
  {
    trackingNumber: Type.String({ minLength: 8, maxLength: 40 }),
    action: Type.Union([Type.Literal('accepted'), Type.Literal('arrived'), Type.Literal('departed')]),
    /** The site; defaults to the caller's sorting centre or depot. */
    siteId: Type.Optional(Uuid),
    /** Set by the scanning device so a retried request is logged once. */
    scanId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ScanRequest = Static<typeof ScanRequest>;

export const ScanResult = Type.Object({
  trackingNumber: Type.String(),
  kind: ShipmentKind,
  status: ShipmentStatus,
  duplicate: Type.Boolean(),
  site: Type.Object({ id: Uuid, kind: Type.String(), name: Type.String(), city: Type.String() }),
  to: Type.Object({ city: Type.String() }),
});
export type ScanResult = Static<typeof ScanResult>;

/** A place a scan can happen at. */
export const ShippingSite = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('sorting_centre'), Type.Literal('depot')]),
  name: Type.String(),
  city: Type.String(),
});
export type ShippingSite = Static<typeof ShippingSite>;
