/** The public API types of `dispatching`: sorting centres, fleet, rounds, the driver app and live positions. */
import { Type, type Static } from '@sinclair/typebox';
import { DeliveryFailureReason } from '../events/dispatching.ts';
import { Money, Timestamp, Uuid } from '../primitives.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, local time' });
const Day = Type.String({ format: 'date' });

/** A sorting centre our fleet delivers from. */
export const SortingCentre = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  city: Type.String(),
  address: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  openingHours: Type.String(),
  /** Minutes east of UTC of the centre's local time (Kazakhstan: +300). */
  utcOffsetMinutes: Type.Integer(),
  active: Type.Boolean(),
});
export type SortingCentre = Static<typeof SortingCentre>;

/** What an admin sends to open a sorting centre. */
export const NewSortingCentre = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 16, pattern: '^[A-Z0-9-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    city: Type.String({ minLength: 1, maxLength: 80 }),
    address: Type.String({ minLength: 1, maxLength: 200 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    openingHours: Type.Optional(Type.String({ maxLength: 200 })),
    utcOffsetMinutes: Type.Optional(Type.Integer({ minimum: -720, maximum: 840 })),
  },
  { additionalProperties: false },
);
export type NewSortingCentre = Static<typeof NewSortingCentre>;

export const VehicleType = Type.Union([Type.Literal('car'), Type.Literal('van'), Type.Literal('bike')]);
export type VehicleType = Static<typeof VehicleType>;
export const VehicleStatus = Type.Union([
  Type.Literal('active'),
  Type.Literal('maintenance'),
  Type.Literal('retired'),
]);

/** A vehicle of the fleet. */
export const Vehicle = Type.Object({
  id: Uuid,
  plate: Type.String(),
  type: VehicleType,
  capacityKg: Type.Number(),
  capacityLitres: Type.Number(),
  homeCentreId: Uuid,
  status: VehicleStatus,
});
export type Vehicle = Static<typeof Vehicle>;

/** What a dispatcher sends to add a vehicle. */
export const NewVehicle = Type.Object(
  {
    plate: Type.String({ minLength: 2, maxLength: 16 }),
    type: VehicleType,
    capacityKg: Type.Number({ exclusiveMinimum: 0, maximum: 20_000 }),
    capacityLitres: Type.Number({ exclusiveMinimum: 0, maximum: 60_000 }),
    homeCentreId: Uuid,
  },
  { additionalProperties: false },
);
export type NewVehicle = Static<typeof NewVehicle>;

/** What may change on a vehicle. */
export const VehicleChanges = Type.Partial(
  Type.Object({
    capacityKg: Type.Number({ exclusiveMinimum: 0, maximum: 20_000 }),
    capacityLitres: Type.Number({ exclusiveMinimum: 0, maximum: 60_000 }),
    homeCentreId: Uuid,
    status: VehicleStatus,
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type VehicleChanges = Static<typeof VehicleChanges>;

export const DutyStatus = Type.Union([
  Type.Literal('on_duty'),
  Type.Literal('off_duty'),
  Type.Literal('sick'),
  Type.Literal('on_leave'),
]);
export type DutyStatus = Static<typeof DutyStatus>;

/** A driver: an account with the driver role (from `users`) plus the fleet's own facts about them. */
export const Driver = Type.Object({
  id: Uuid,
  name: Type.String(),
  sortingCentreId: Nullable(Uuid),
  licenceClass: Type.String(),
  shiftStart: Clock,
  shiftEnd: Clock,
  dutyStatus: DutyStatus,
  vehicleId: Nullable(Uuid),
  lastPosition: Nullable(
    Type.Object({
      lat: Type.Number(),
      lng: Type.Number(),
      accuracyM: Nullable(Type.Number()),
      at: Timestamp,
    }),
  ),
});
export type Driver = Static<typeof Driver>;

/** What a dispatcher may change on a driver (the account itself belongs to `users`). */
export const DriverChanges = Type.Partial(
  Type.Object({
    licenceClass: Type.String({ minLength: 1, maxLength: 8 }),
    shiftStart: Clock,
    shiftEnd: Clock,
    dutyStatus: DutyStatus,
    vehicleId: Nullable(Uuid),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type DriverChanges = Static<typeof DriverChanges>;

/** A service zone: the area a centre's fleet serves (polygon of [lat, lng]). */
export const ServiceZone = Type.Object({
  id: Uuid,
  centreId: Uuid,
  name: Type.String(),
  polygon: Type.Array(Type.Tuple([Type.Number(), Type.Number()]), { minItems: 3 }),
});
export type ServiceZone = Static<typeof ServiceZone>;
export const NewServiceZone = Type.Object(
  {
    centreId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 80 }),
    polygon: Type.Array(Type.Tuple([Type.Number(), Type.Number()]), { minItems: 3, maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type NewServiceZone = Static<typeof NewServiceZone>;

export const StopStatus = Type.Union([
  Type.Literal('expected'),
  Type.Literal('waiting'),
  Type.Literal('loaded'),
  Type.Literal('out'),
  Type.Literal('arrived'),
  Type.Literal('delivered'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);
export type StopStatus = Static<typeof StopStatus>;
export const UnassignedReason = Type.Union([
  Type.Literal('capacity'),
  Type.Literal('time_window'),
  Type.Literal('shift'),
  Type.Literal('no_vehicle'),
]);

/** A stop: one shipment to deliver (or a return to pick up) at an address. */
export const Stop = Type.Object({
  id: Uuid,
  shipmentId: Uuid,
  trackingNumber: Type.String(),
  kind: Type.Union([Type.Literal('delivery'), Type.Literal('pickup')]),
  status: StopStatus,
  centreId: Uuid,
  recipientName: Type.String(),
  phone: Type.String(),
  address: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  weightGrams: Type.Integer(),
  volumeLitres: Type.Number(),
  serviceSeconds: Type.Integer(),
  window: Nullable(Type.Object({ from: Timestamp, to: Timestamp })),
  promisedDate: Day,
  cashOnDelivery: Nullable(Money),
  urgent: Type.Boolean(),
  roundId: Nullable(Uuid),
  sequence: Nullable(Type.Integer()),
  locked: Type.Boolean(),
  plannedArrival: Nullable(Timestamp),
  eta: Nullable(Type.Object({ from: Timestamp, to: Timestamp })),
  unassignedReason: Nullable(UnassignedReason),
  failureReason: Nullable(DeliveryFailureReason),
  completedAt: Nullable(Timestamp),
});
export type Stop = Static<typeof Stop>;

export const RoundStatus = Type.Union([
  Type.Literal('planned'),
  Type.Literal('published'),
  Type.Literal('started'),
  Type.Literal('completed'),
  Type.Literal('cancelled'),
]);
export type RoundStatus = Static<typeof RoundStatus>;

/** A delivery round: one driver, one vehicle, one day, stops in order. */
export const Round = Type.Object({
  id: Uuid,
  centreId: Uuid,
  /** Where the round starts and ends. */
  centre: Type.Object({ name: Type.String(), lat: Type.Number(), lng: Type.Number() }),
  date: Day,
  status: RoundStatus,
  driverId: Uuid,
  driverName: Type.String(),
  vehicleId: Nullable(Uuid),
  colour: Type.String(),
  distanceM: Type.Integer(),
  durationS: Type.Integer(),
  plannedStart: Nullable(Timestamp),
  plannedEnd: Nullable(Timestamp),
  startedAt: Nullable(Timestamp),
  completedAt: Nullable(Timestamp),
  stops: Type.Array(Stop),
});
export type Round = Static<typeof Round>;

/** A centre's day on the dispatcher's board. */
export const DispatchBoard = Type.Object({
  centre: SortingCentre,
  date: Day,
  rounds: Type.Array(Round),
  /** Waiting stops on no round (with the planner's reason when it could not place them). */
  waiting: Type.Array(Stop),
  drivers: Type.Array(Driver),
});
export type DispatchBoard = Static<typeof DispatchBoard>;

/** Plan (or re-plan) a centre's day; locked stops keep their round and order. */
export const PlanRequest = Type.Object(
  {
    centreId: Uuid,
    date: Day,
    budgetMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 30_000 })),
  },
  { additionalProperties: false },
);
export type PlanRequest = Static<typeof PlanRequest>;

/** Move a stop to a round (or off every round with `roundId: null`) at a position. */
export const MoveStop = Type.Object(
  { roundId: Nullable(Uuid), position: Type.Optional(Type.Integer({ minimum: 0 })) },
  { additionalProperties: false },
);
export type MoveStop = Static<typeof MoveStop>;

const Position = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    accuracyM: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);

/** A batch of position pings from the driver app (out of order and duplicates tolerated). */
export const PositionBatch = Type.Object(
  {
    pings: Type.Array(
      Type.Object(
        {
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          accuracyM: Type.Optional(Type.Number({ minimum: 0 })),
          at: Timestamp,
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type PositionBatch = Static<typeof PositionBatch>;

/** Proof of delivery: at least one of signature, photo, PIN; the recipient's name when known. */
export const DeliverStop = Type.Object(
  {
    recipientName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    /** A PNG/JPEG data URL of the signature drawn on screen. */
    signature: Type.Optional(Type.String({ maxLength: 700_000, pattern: '^data:image/(png|jpeg);base64,' })),
    photo: Type.Optional(Type.String({ maxLength: 2_800_000, pattern: '^data:image/(png|jpeg);base64,' })),
    pin: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
    position: Type.Optional(Position),
    cashCollected: Type.Optional(Money),
  },
  { additionalProperties: false },
);
export type DeliverStop = Static<typeof DeliverStop>;

/** A failed attempt with its reason from the fixed list. */
export const FailStop = Type.Object(
  {
    reason: DeliveryFailureReason,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    position: Type.Optional(Position),
  },
  { additionalProperties: false },
);
export type FailStop = Static<typeof FailStop>;

/** The driver arrived at a stop (tapped, or the geofence saw it). */
export const ArriveStop = Type.Object({ position: Type.Optional(Position) }, { additionalProperties: false });
export type ArriveStop = Static<typeof ArriveStop>;

/** One frame of the dispatcher's live feed. */
export const LiveFrame = Type.Object({
  drivers: Type.Array(
    Type.Object({
      driverId: Uuid,
      name: Type.String(),
      lat: Type.Number(),
      lng: Type.Number(),
      at: Timestamp,
      roundId: Nullable(Uuid),
    }),
  ),
  rounds: Type.Array(
    Type.Object({ roundId: Uuid, status: RoundStatus, done: Type.Integer(), total: Type.Integer() }),
  ),
});
export type LiveFrame = Static<typeof LiveFrame>;
