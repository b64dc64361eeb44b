/**
 * The public API types of `orders`: the cart, checkout, customer orders, seller orders, returns, and the
 * admin's view with the saga's step history. The web app and `orders` are both written against these.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CurrencyCode, Money, Timestamp, Uuid } from '../primitives.ts';
import { ShippingAddressSnapshot } from '../events/orders.ts';
import { PaymentMethodKind } from '../events/payment.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const IsoDate = Type.String({ format: 'date', description: 'a calendar date, YYYY-MM-DD' });
const code = Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' });

/** What changed since the customer last saw a cart line. */
export const CartNotice = Type.Object({
  code: Type.Union([
    Type.Literal('price_changed'),
    Type.Literal('low_stock'),
    Type.Literal('quantity_reduced'),
    Type.Literal('unavailable'),
  ]),
  previousPrice: Type.Optional(Money),
  available: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type CartNotice = Static<typeof CartNotice>;

/** One cart line, priced now by `shop`. */
export const CartItem = Type.Object({
  id: Uuid,
  variantId: Uuid,
  productId: Uuid,
  sellerId: Uuid,
  title: Type.String(),
  sku: Type.String(),
  imageUrl: Nullable(Type.String()),
  quantity: Type.Integer({ minimum: 1 }),
  unitPrice: Money,
  compareAt: Nullable(Money),
  total: Money,
  available: Type.Boolean(),
  notices: Type.Array(CartNotice),
});
export type CartItem = Static<typeof CartItem>;

/** Totals of one seller's part of a cart or an order. */
export const SellerTotals = Type.Object({
  sellerId: Uuid,
  sellerName: Type.String(),
  subtotal: Money,
  discount: Money,
  total: Money,
  vat: Money,
});
export type SellerTotals = Static<typeof SellerTotals>;

/** The cart as the customer sees it (guest or signed in). */
export const Cart = Type.Object({
  id: Uuid,
  customerId: Nullable(Uuid),
  currency: CurrencyCode,
  items: Type.Array(CartItem),
  sellers: Type.Array(SellerTotals),
  promoCodes: Type.Array(
    Type.Object({
      code: Type.String(),
      applied: Type.Boolean(),
      reason: Nullable(Type.String()),
      discount: Money,
    }),
  ),
  giftCards: Type.Array(
    Type.Object({
      code: Type.String(),
      usable: Type.Boolean(),
      reason: Nullable(Type.String()),
      amount: Money,
      balance: Nullable(Money),
    }),
  ),
  itemCount: Type.Integer({ minimum: 0 }),
  subtotal: Money,
  discount: Money,
  vat: Money,
  vatRatePercent: Type.Number(),
  giftCardAmount: Money,
  total: Money,
  payable: Money,
  freeShipping: Type.Boolean(),
  allAvailable: Type.Boolean(),
  /** True while shop cannot be reached: prices are the last known ones and checkout waits. */
  pricesStale: Type.Optional(Type.Boolean()),
  updatedAt: Timestamp,
});
export type Cart = Static<typeof Cart>;

export const AddCartItem = Type.Object(
  { variantId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 999 }) },
  { additionalProperties: false },
);
export const ChangeCartItem = Type.Object(
  { quantity: Type.Integer({ minimum: 1, maximum: 999 }) },
  { additionalProperties: false },
);
export const CartCode = Type.Object({ code }, { additionalProperties: false });

/** How an order can reach the customer, with its fee and the date we promise. */
export const DeliveryOption = Type.Object({
  id: Type.String({ description: 'stable id, e.g. standard, express, pickup:<depotId>' }),
  kind: Type.Union([Type.Literal('standard'), Type.Literal('express'), Type.Literal('pickup')]),
  label: Type.String(),
  fee: Money,
  promisedDate: IsoDate,
  depotId: Nullable(Uuid),
});
export type DeliveryOption = Static<typeof DeliveryOption>;

/** `POST /checkout` (header Idempotency-Key). */
export const CheckoutRequest = Type.Object(
  {
    shippingAddressId: Uuid,
    deliveryOptionId: Type.Optional(Type.String({ maxLength: 80 })),
    payment: Type.Object(
      {
        method: PaymentMethodKind,
        token: Type.Optional(Type.String({ maxLength: 200, description: 'card token, or saved method id' })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type CheckoutRequest = Static<typeof CheckoutRequest>;

/** The customer order's lifecycle (the transitions table lives in `orders`). */
export const OrderStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('awaiting_payment'),
  Type.Literal('requires_action'),
  Type.Literal('confirmed'),
  Type.Literal('packed'),
  Type.Literal('shipped'),
  Type.Literal('out_for_delivery'),
  Type.Literal('delivered'),
  Type.Literal('cancelled'),
  Type.Literal('failed'),
]);
export type OrderStatus = Static<typeof OrderStatus>;

/**
 * Statuses at which the checkout is over (confirmed or later, failed, cancelled): a client following the
 * checkout stops there. Waiting for 3-D Secure is not over: the customer comes back to see the outcome.
 */
export function checkoutSettled(status: OrderStatus): boolean {
  return !['pending', 'awaiting_payment', 'requires_action'].includes(status);
}

/** `GET /orders/:id/stream?until=settled`: the stream ends by itself once the checkout is over. */
export const OrderStreamQuery = Type.Object(
  {
    until: Type.Optional(
      Type.Literal('settled', { description: 'end the stream once the checkout is over' }),
    ),
  },
  { additionalProperties: false },
);

/** A seller order's lifecycle: one per seller (and per depot when stock is split). */
export const SellerOrderStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('confirmed'),
  Type.Literal('packed'),
  Type.Literal('shipped'),
  Type.Literal('out_for_delivery'),
  Type.Literal('delivered'),
  Type.Literal('cancelled'),
]);
export type SellerOrderStatus = Static<typeof SellerOrderStatus>;

export const OrderLine = Type.Object({
  id: Uuid,
  variantId: Uuid,
  productId: Uuid,
  sellerId: Uuid,
  title: Type.String(),
  sku: Type.String(),
  imageUrl: Nullable(Type.String()),
  quantity: Type.Integer({ minimum: 1 }),
  cancelledQuantity: Type.Integer({ minimum: 0 }),
  returnedQuantity: Type.Integer({ minimum: 0 }),
  unitPrice: Money,
  total: Money,
});
export type OrderLine = Static<typeof OrderLine>;

export const ParcelRef = Type.Object({
  parcelId: Uuid,
  trackingNumber: Nullable(Type.String()),
  status: Nullable(Type.String({ description: 'the shipment status, as shipping reports it' })),
  lineIds: Type.Array(Uuid),
});

export const SellerOrder = Type.Object({
  id: Uuid,
  orderId: Uuid,
  orderNumber: Type.String(),
  sellerId: Uuid,
  sellerName: Type.String(),
  depotId: Nullable(Uuid),
  status: SellerOrderStatus,
  lineIds: Type.Array(Uuid),
  total: Money,
  parcels: Type.Array(ParcelRef),
  createdAt: Timestamp,
});
export type SellerOrder = Static<typeof SellerOrder>;

export const ReturnStatus = Type.Union([
  Type.Literal('requested'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
  Type.Literal('in_transit'),
  Type.Literal('received'),
  Type.Literal('refunded'),
  Type.Literal('refused_after_inspection'),
]);
export type ReturnStatus = Static<typeof ReturnStatus>;

export const ReturnReason = Type.Union([
  Type.Literal('damaged'),
  Type.Literal('not_as_described'),
  Type.Literal('wrong_item'),
  Type.Literal('size_or_fit'),
  Type.Literal('changed_mind'),
  Type.Literal('other'),
]);

/** A customer's return request for some lines of a delivered order. */
export const ReturnRequest = Type.Object({
  id: Uuid,
  orderId: Uuid,
  orderNumber: Type.String(),
  customerId: Uuid,
  sellerIds: Type.Array(Uuid),
  status: ReturnStatus,
  lines: Type.Array(
    Type.Object({
      lineId: Uuid,
      title: Type.String(),
      quantity: Type.Integer({ minimum: 1 }),
      reason: ReturnReason,
    }),
  ),
  comment: Type.String(),
  photoUrls: Type.Array(Type.String()),
  refund: Nullable(Money),
  refundTo: Nullable(Type.Union([Type.Literal('card'), Type.Literal('wallet')])),
  trackingNumber: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ReturnRequest = Static<typeof ReturnRequest>;

export const NewReturn = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        { lineId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 999 }), reason: ReturnReason },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    photoIds: Type.Optional(Type.Array(Uuid, { maxItems: 6 })),
    refundTo: Type.Optional(Type.Union([Type.Literal('card'), Type.Literal('wallet')])),
  },
  { additionalProperties: false },
);
export type NewReturn = Static<typeof NewReturn>;

export const CancelOrder = Type.Object(
  {
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    lineIds: Type.Optional(
      Type.Array(Uuid, { minItems: 1, maxItems: 100, description: 'partial cancellation' }),
    ),
  },
  { additionalProperties: false },
);
export type CancelOrder = Static<typeof CancelOrder>;

const Totals = Type.Object({
  subtotal: Money,
  discount: Money,
  giftCardAmount: Money,
  deliveryFee: Money,
  vat: Money,
  total: Money,
  payable: Money,
  refunded: Money,
});

/** A customer order with everything its page shows. */
export const Order = Type.Object({
  id: Uuid,
  number: Type.String({ description: 'people-facing code, e.g. SD-7K3Q-91XM' }),
  status: OrderStatus,
  customerId: Uuid,
  placedAt: Timestamp,
  updatedAt: Timestamp,
  currency: CurrencyCode,
  lines: Type.Array(OrderLine),
  sellers: Type.Array(SellerTotals),
  sellerOrders: Type.Array(SellerOrder),
  shippingAddress: ShippingAddressSnapshot,
  delivery: Type.Object({
    optionId: Type.String(),
    kind: Type.String(),
    label: Type.String(),
    fee: Money,
    promisedDate: IsoDate,
  }),
  payment: Type.Object({
    method: PaymentMethodKind,
    status: Type.String({
      description: 'pending, authorized, requires_action, captured, failed, voided, refunded',
    }),
    intentId: Nullable(Uuid),
    actionUrl: Nullable(Type.String({ description: 'where the customer confirms the payment (3-D Secure)' })),
    failureReason: Nullable(Type.String()),
  }),
  totals: Totals,
  promoCodes: Type.Array(Type.String()),
  giftCards: Type.Array(Type.String()),
  failureReason: Nullable(Type.String({ description: 'stable code when status is failed' })),
  cancellable: Type.Boolean(),
  returnableLineIds: Type.Array(Uuid),
  returns: Type.Array(ReturnRequest),
  history: Type.Array(Type.Object({ status: Type.String(), at: Timestamp, note: Nullable(Type.String()) })),
});
export type Order = Static<typeof Order>;

/** One row of an order list. */
export const OrderSummary = Type.Object({
  id: Uuid,
  number: Type.String(),
  status: OrderStatus,
  placedAt: Timestamp,
  total: Money,
  itemCount: Type.Integer({ minimum: 0 }),
  sellerCount: Type.Integer({ minimum: 0 }),
  customerId: Uuid,
});
export type OrderSummary = Static<typeof OrderSummary>;

export const OrderPage = Type.Object({
  items: Type.Array(OrderSummary),
  total: Type.Integer({ minimum: 0 }),
});

/** One step of the checkout saga as the admin sees it. */
export const SagaStep = Type.Object({
  step: Type.String({
    description: 'quote, reserve_stock, authorize_payment, confirm, release_stock, void_payment, …',
  }),
  state: Type.Union([
    Type.Literal('started'),
    Type.Literal('succeeded'),
    Type.Literal('failed'),
    Type.Literal('compensated'),
  ]),
  at: Timestamp,
  detail: Nullable(Type.String()),
});

/** The admin's view of an order: the customer's view plus the saga's history. */
export const AdminOrder = Type.Composite([
  Order,
  Type.Object({ customerEmail: Nullable(Type.String()), saga: Type.Array(SagaStep) }),
]);
export type AdminOrder = Static<typeof AdminOrder>;
