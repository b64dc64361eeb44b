/**
 * Events published by `dispatching`: our own fleet's scans, ETAs and proofs. `shipping` consumes them like
 * any carrier's events; each names the shipment by id and tracking number.
 */
import { Type } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Money, Timestamp, Uuid } from '../primitives.ts';
import { TimeWindow } from './shipping.ts';

const stop = {
  roundId: Uuid,
  stopId: Uuid,
  shipmentId: Uuid,
  trackingNumber: Type.String(),
  driverId: Uuid,
  sortingCentreId: Uuid,
  at: Timestamp,
};
const Position = Type.Object({
  lat: Type.Number(),
  lng: Type.Number(),
  accuracyM: Type.Optional(Type.Number()),
});

/** A parcel was put on a published delivery round. */
export const StopLoaded = defineEvent(
  'dispatching.stop.loaded_to_round.v1',
  Type.Object({ ...stop, plannedDate: Type.String({ format: 'date' }), eta: Type.Optional(TimeWindow) }),
);

/** The driver left the sorting centre: every stop of the round is out for delivery. */
export const RoundStarted = defineEvent(
  'dispatching.round.started.v1',
  Type.Object({
    roundId: Uuid,
    driverId: Uuid,
    vehicleId: Type.Optional(Uuid),
    sortingCentreId: Uuid,
    stops: Type.Array(
      Type.Object({
        stopId: Uuid,
        shipmentId: Uuid,
        trackingNumber: Type.String(),
        eta: Type.Optional(TimeWindow),
      }),
    ),
    at: Timestamp,
  }),
);

/** A stop's ETA window moved. */
export const EtaUpdated = defineEvent(
  'dispatching.stop.eta_updated.v1',
  Type.Object({ ...stop, eta: TimeWindow }),
);

/** The driver entered the stop's arrival geofence. */
export const StopArriving = defineEvent(
  'dispatching.stop.arriving.v1',
  Type.Object({ ...stop, position: Position }),
);

/** Delivered, with proof. */
export const StopDelivered = defineEvent(
  'dispatching.stop.delivered.v1',
  Type.Object({
    ...stop,
    proof: Type.Object({
      kind: Type.Union([
        Type.Literal('signature'),
        Type.Literal('photo'),
        Type.Literal('pin'),
        Type.Literal('name'),
      ]),
      recipientName: Type.Optional(Type.String()),
      mediaUrl: Type.Optional(Type.String()),
      position: Type.Optional(Position),
    }),
  }),
);

/** The reasons a driver may give for a failed attempt (a fixed list). */
export const DeliveryFailureReason = Type.Union([
  Type.Literal('recipient_absent'),
  Type.Literal('address_not_found'),
  Type.Literal('refused'),
  Type.Literal('no_access'),
  Type.Literal('damaged'),
  Type.Literal('cash_not_available'),
  Type.Literal('other'),
]);

/** A delivery attempt failed. */
export const StopDeliveryFailed = defineEvent(
  'dispatching.stop.delivery_failed.v1',
  Type.Object({
    ...stop,
    reason: DeliveryFailureReason,
    note: Type.Optional(Type.String()),
    position: Type.Optional(Position),
  }),
);

/** The driver collected cash on delivery for the order. */
export const CashCollected = defineEvent(
  'dispatching.stop.cash_collected.v1',
  Type.Object({ ...stop, orderId: Uuid, amount: Money }),
);
