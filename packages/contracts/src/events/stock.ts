/** Events published by `stock`. */
import { Type } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Timestamp, Uuid } from '../primitives.ts';
import { ShippingAddressSnapshot } from './orders.ts';

/** Every line of an order is reserved, each in the depot named beside it, until `expiresAt`. */
export const ReservationConfirmed = defineEvent(
  'stock.reservation.confirmed.v1',
  Type.Object({
    orderId: Uuid,
    reservationId: Uuid,
    expiresAt: Timestamp,
    lines: Type.Array(
      Type.Object({ lineId: Uuid, variantId: Uuid, depotId: Uuid, quantity: Type.Integer({ minimum: 1 }) }),
    ),
  }),
);

/** The order cannot be reserved: these lines lack stock (nothing was reserved). */
export const ReservationRejected = defineEvent(
  'stock.reservation.rejected.v1',
  Type.Object({
    orderId: Uuid,
    shortLines: Type.Array(
      Type.Object({
        lineId: Uuid,
        variantId: Uuid,
        requested: Type.Integer({ minimum: 1 }),
        available: Type.Integer({ minimum: 0 }),
      }),
    ),
  }),
);

/** A reservation ended without shipping: it expired, or the order was cancelled. */
export const ReservationReleased = defineEvent(
  'stock.reservation.released.v1',
  Type.Object({
    orderId: Uuid,
    reservationId: Uuid,
    reason: Type.Union([Type.Literal('expired'), Type.Literal('cancelled')]),
    releasedAt: Timestamp,
  }),
);

/**
 * Some units of a confirmed order cannot be shipped (found missing while picking and not available in
 * any other depot, or the reservation expired before confirmation): `orders` cancels these lines partly.
 */
export const OrderLinesShort = defineEvent(
  'stock.order.short.v1',
  Type.Object({
    orderId: Uuid,
    lines: Type.Array(Type.Object({ lineId: Uuid, variantId: Uuid, missing: Type.Integer({ minimum: 1 }) })),
    reason: Type.Union([Type.Literal('shortage'), Type.Literal('expired')]),
    reportedAt: Timestamp,
  }),
);

/** A parcel was packed in a depot: `shipping` opens a shipment for it. */
export const ParcelCreated = defineEvent(
  'stock.parcel.created.v1',
  Type.Object({
    parcelId: Uuid,
    parcelCode: Type.String({ description: 'the Code 128 barcode on the packing slip, e.g. PC-7K3Q91XM' }),
    orderId: Uuid,
    depotId: Uuid,
    sellerIds: Type.Array(Uuid),
    lines: Type.Array(Type.Object({ lineId: Uuid, variantId: Uuid, quantity: Type.Integer({ minimum: 1 }) })),
    weightGrams: Type.Integer({ minimum: 1 }),
    dimensionsCm: Type.Object({
      l: Type.Integer({ minimum: 1 }),
      w: Type.Integer({ minimum: 1 }),
      h: Type.Integer({ minimum: 1 }),
    }),
    recipient: ShippingAddressSnapshot,
    createdAt: Timestamp,
  }),
);

/** A seller's SKU fell to its low-stock threshold (available units over every depot). */
export const StockLow = defineEvent(
  'stock.level.low.v1',
  Type.Object({
    variantId: Uuid,
    sku: Type.String(),
    sellerId: Uuid,
    available: Type.Integer({ minimum: 0 }),
    threshold: Type.Integer({ minimum: 0 }),
    at: Timestamp,
  }),
);

/** The warehouse inspected a customer return: resellable units went back on hand; `orders` refunds. */
export const ReturnInspected = defineEvent(
  'stock.return.inspected.v1',
  Type.Object({
    returnId: Uuid,
    orderId: Uuid,
    depotId: Uuid,
    lines: Type.Array(
      Type.Object({
        lineId: Uuid,
        variantId: Uuid,
        quantity: Type.Integer({ minimum: 1 }),
        condition: Type.Union([Type.Literal('resellable'), Type.Literal('damaged')]),
      }),
    ),
    inspectedAt: Timestamp,
  }),
);

/**
 * A variant's sellable quantity changed: `available` is on hand minus reserved, committed and unavailable,
 * summed over every depot, as of `at`. One event per variant per transaction (the last value wins), so a
 * consumer keeps the newest `at` and ignores older ones arriving late.
 */
export const LevelChanged = defineEvent(
  'stock.level.changed.v1',
  Type.Object({
    variantId: Uuid,
    available: Type.Integer({ minimum: 0 }),
    at: Timestamp,
  }),
);
