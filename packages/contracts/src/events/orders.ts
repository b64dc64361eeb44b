/**
 * Events published by `orders` that `stock` consumes. Declared here by `stock` (their first consumer) so
 * the orders service is written against them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Money, Timestamp, Uuid } from '../primitives.ts';

/** Where an order goes: enough for a depot to choose itself and for a parcel label. */
export const ShippingAddressSnapshot = Type.Object(
  {
    countryCode: Type.String({ minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2' }),
    city: Type.String({ minLength: 1 }),
    line1: Type.String({ minLength: 1 }),
    postalCode: Type.Optional(Type.String()),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    /** Who receives the parcel and how the driver reaches them (shown to staff and the recipient only). */
    recipientName: Type.Optional(Type.String()),
    phone: Type.Optional(Type.String()),
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
  Type.Object({
    orderId: Uuid,
    confirmedAt: Timestamp,
    customerId: Type.Optional(Uuid),
    /** Cash the driver collects at the door (cash-on-delivery orders only). */
    cashOnDelivery: Type.Optional(Money),
    /** The delivery the customer chose, for shipping's promised date. */
    delivery: Type.Optional(
      Type.Object({
        kind: Type.String(),
        promisedDate: Type.String({ format: 'date' }),
        depotId: Type.Optional(Uuid),
      }),
    ),
  }),
);

/** The order ended before shipping (by the customer, support, or a payment failure): `stock` releases. */
export const OrderCancelled = defineEvent(
  'orders.order.cancelled.v1',
  Type.Object({ orderId: Uuid, reason: Type.String(), cancelledAt: Timestamp }),
);

/** A return was approved: `shipping` issues the return shipment, `stock` expects the goods back. */
export const ReturnApproved = defineEvent(
  'orders.return.approved.v1',
  Type.Object({
    returnId: Uuid,
    orderId: Uuid,
    orderNumber: Type.String(),
    customerId: Uuid,
    /** Where the parcel is collected from (the customer's address). */
    pickupAddress: ShippingAddressSnapshot,
    lines: Type.Array(
      Type.Object({ lineId: Uuid, variantId: Uuid, sellerId: Uuid, quantity: Type.Integer({ minimum: 1 }) }),
    ),
    /** The depot that receives returns for this order (where it was packed). */
    depotId: Type.Optional(Uuid),
    approvedAt: Timestamp,
  }),
);

/** A gift card's share of money going back to it (partial cancellation or a return). */
export const GiftCardShare = Type.Object({ code: Type.String(), amount: Type.Integer({ minimum: 1 }) });

/**
 * Some units of a confirmed order were cancelled (not the whole order): `stock` releases what it still holds
 * beyond `remaining` per line, `shop` gives the gift cards their share back (once per `cancellationId`).
 */
export const OrderLinesCancelled = defineEvent(
  'orders.order.lines_cancelled.v1',
  Type.Object({
    orderId: Uuid,
    cancellationId: Uuid,
    reason: Type.String(),
    lines: Type.Array(
      Type.Object({
        lineId: Uuid,
        variantId: Uuid,
        cancelled: Type.Integer({ minimum: 1 }),
        /** Units of the line still to ship after this cancellation (a target, so a repeat changes nothing). */
        remaining: Type.Integer({ minimum: 0 }),
      }),
    ),
    giftCards: Type.Array(GiftCardShare),
    cancelledAt: Timestamp,
  }),
);

/** A return was refunded: the paid part through payment, the gift card part back to the cards (`shop`). */
export const ReturnRefunded = defineEvent(
  'orders.return.refunded.v1',
  Type.Object({
    returnId: Uuid,
    orderId: Uuid,
    refund: Money,
    giftCards: Type.Array(GiftCardShare),
    refundedAt: Timestamp,
  }),
);
