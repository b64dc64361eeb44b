/** The public API types of `stock`: depots, seller stock, the warehouse's pick/pack, receiving and returns. */
import { Type, type Static } from '@sinclair/typebox';
import { Timestamp, Uuid } from '../primitives.ts';
import { ShippingAddressSnapshot } from '../events/orders.ts';

const Count = Type.Integer({ minimum: 0 });

/** A storage depot. */
export const Depot = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  countryCode: Type.String(),
  city: Type.String(),
  address: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  openingHours: Type.String(),
  isDefault: Type.Boolean(),
  active: Type.Boolean(),
  staff: Type.Array(Type.Object({ userId: Uuid, attachedAt: Timestamp })),
});
export type Depot = Static<typeof Depot>;

/** What an admin sends to open a depot. */
export const NewDepot = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 16, pattern: '^[A-Z0-9-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    countryCode: Type.String({ minLength: 2, maxLength: 2, pattern: '^[A-Z]{2}$' }),
    city: Type.String({ minLength: 1, maxLength: 80 }),
    address: Type.String({ minLength: 1, maxLength: 200 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    openingHours: Type.Optional(Type.String({ maxLength: 200 })),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NewDepot = Static<typeof NewDepot>;

/** What an admin may change on a depot. */
export const DepotChanges = Type.Partial(
  Type.Object({
    name: Type.String({ minLength: 1, maxLength: 120 }),
    address: Type.String({ minLength: 1, maxLength: 200 }),
    openingHours: Type.String({ maxLength: 200 }),
    isDefault: Type.Literal(true),
    active: Type.Boolean(),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type DepotChanges = Static<typeof DepotChanges>;

/** The quantities a warehouse keeps apart; `available` = onHand − reserved − committed − unavailable. */
export const StockQuantities = Type.Object({
  onHand: Count,
  reserved: Count,
  committed: Count,
  unavailable: Count,
  incoming: Count,
  available: Count,
});
export type StockQuantities = Static<typeof StockQuantities>;

/** One of the seller's SKUs with its stock in total and per depot. */
export const SellerStockItem = Type.Object({
  variantId: Uuid,
  productId: Uuid,
  sku: Type.String(),
  title: Type.String(),
  lowThreshold: Count,
  low: Type.Boolean(),
  totals: StockQuantities,
  depots: Type.Array(
    Type.Composite([Type.Object({ depotId: Uuid, depotName: Type.String() }), StockQuantities]),
  ),
});
export type SellerStockItem = Static<typeof SellerStockItem>;

/** `PUT /seller/stock/:variantId`: sets on-hand in a depot (the default one when omitted). */
export const SetStock = Type.Object(
  { quantity: Type.Integer({ minimum: 0, maximum: 1_000_000 }), depotId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type SetStock = Static<typeof SetStock>;

/** One line of a pick task. */
export const PickLine = Type.Object({
  lineId: Uuid,
  variantId: Uuid,
  sku: Type.String(),
  title: Type.String(),
  quantity: Count,
  picked: Count,
  packed: Count,
  short: Count,
});
export type PickLine = Static<typeof PickLine>;

/** A parcel as its packing slip shows it. */
export const Parcel = Type.Object({
  id: Uuid,
  code: Type.String(),
  orderId: Uuid,
  orderNumber: Type.String(),
  depot: Type.Object({ id: Uuid, name: Type.String(), address: Type.String(), city: Type.String() }),
  weightGrams: Type.Integer(),
  dimensionsCm: Type.Object({ l: Type.Integer(), w: Type.Integer(), h: Type.Integer() }),
  recipient: Type.Union([ShippingAddressSnapshot, Type.Null()]),
  lines: Type.Array(
    Type.Object({ lineId: Uuid, variantId: Uuid, sku: Type.String(), title: Type.String(), quantity: Count }),
  ),
  createdAt: Timestamp,
});
export type Parcel = Static<typeof Parcel>;

/** Pick task states, in order: open → picking → picked → packed; or cancelled. */
export const PickTaskStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('picking'),
  Type.Literal('picked'),
  Type.Literal('packed'),
  Type.Literal('cancelled'),
]);

/** A depot's work for one order: pick these lines, then pack them into parcels. */
export const PickTask = Type.Object({
  id: Uuid,
  orderId: Uuid,
  orderNumber: Type.String(),
  depotId: Uuid,
  status: PickTaskStatus,
  createdAt: Timestamp,
  lines: Type.Array(PickLine),
  parcels: Type.Array(Type.Object({ id: Uuid, code: Type.String() })),
});
export type PickTask = Static<typeof PickTask>;

/** `POST /warehouse/tasks/:id/parcels`: the lines go in one parcel (all picked, unpacked ones when omitted). */
export const PackParcel = Type.Object(
  {
    weightGrams: Type.Integer({ minimum: 1, maximum: 100_000 }),
    dimensionsCm: Type.Object(
      {
        l: Type.Integer({ minimum: 1, maximum: 300 }),
        w: Type.Integer({ minimum: 1, maximum: 300 }),
        h: Type.Integer({ minimum: 1, maximum: 300 }),
      },
      { additionalProperties: false },
    ),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          { lineId: Uuid, quantity: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        { minItems: 1 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type PackParcel = Static<typeof PackParcel>;

/** Incoming stock announced to a depot, then received. */
export const Receipt = Type.Object({
  id: Uuid,
  depotId: Uuid,
  variantId: Uuid,
  sku: Type.String(),
  title: Type.String(),
  expected: Type.Integer(),
  received: Type.Union([Type.Integer(), Type.Null()]),
  status: Type.Union([Type.Literal('expected'), Type.Literal('received')]),
  note: Type.String(),
  createdAt: Timestamp,
});
export type Receipt = Static<typeof Receipt>;

/** A returned parcel waiting for, or after, inspection. */
export const ReturnInspection = Type.Object({
  id: Uuid,
  parcelId: Uuid,
  parcelCode: Type.String(),
  orderId: Uuid,
  status: Type.Union([Type.Literal('awaiting'), Type.Literal('inspected')]),
  createdAt: Timestamp,
  lines: Type.Array(
    Type.Object({
      lineId: Uuid,
      variantId: Uuid,
      sku: Type.String(),
      title: Type.String(),
      quantity: Count,
      restocked: Count,
      writtenOff: Count,
    }),
  ),
});
export type ReturnInspection = Static<typeof ReturnInspection>;
