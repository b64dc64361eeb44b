/**
 * Events published by `orders` that `stock` consumes. Declared here by `stock` (their first consumer) so
 * the orders service is written against them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Timestamp, Uuid } from '../primitives.ts';

/** Where an order goes: enough for a depot to choose itself and for a parcel label. */
export const ShippingAddressSnapshot = Type.Object(
  {
    countryCode: Type.String({ minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2' }),
    city: Type.String({ minLength: 1 }),
    line1: Type.String({ minLength: 1 }),
    postalCode: Type.Optional(Type.String()),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
  },
  { additionalProperties: false },
);
export type ShippingAddressSnapshot = Static<typeof ShippingAddressSnapshot>;

/** One ordered line as stock sees it: which variant, whose, how many. */
export const OrderLineSnapshot = Type.Object(
  {
    lineId: Uuid,
    variantId: Uuid,
    sku: Type.String(),
    productId: Uuid,
    sellerId: Uuid,
    title: Type.String(),
    quantity: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

/** A customer checked out: `stock` reserves every line or rejects the order. */
export const OrderPlaced = defineEvent(
  'orders.order.placed.v1',
  Type.Object({
    orderId: Uuid,
    orderNumber: Type.String({ description: 'the people-facing code, e.g. SD-7K3Q-91XM' }),
    customerId: Uuid,
    placedAt: Timestamp,
    shippingAddress: ShippingAddressSnapshot,
    lines: Type.Array(OrderLineSnapshot, { minItems: 1 }),
    /** Promo codes the quote applied; `shop` counts them when the order is confirmed. */
    promoCodes: Type.Optional(Type.Array(Type.String())),
    /** Gift card codes spent on the order; `shop` refunds their redemptions when it is cancelled. */
    giftCards: Type.Optional(Type.Array(Type.String())),
  }),
);

/** Payment went through: `stock` commits the reservation and opens pick tasks. */
export const OrderConfirmed = defineEvent(
  'orders.order.confirmed.v1',
  Type.Object({ orderId: Uuid, confirmedAt: Timestamp }),
);

/** The order ended before shipping (by the customer, support, or a payment failure): `stock` releases. */
export const OrderCancelled = defineEvent(
  'orders.order.cancelled.v1',
  Type.Object({ orderId: Uuid, reason: Type.String(), cancelledAt: Timestamp }),
);
