/** The public API types of `payment`: card tokens, intents, refunds, wallet, seller balance, payouts. */
import { Type, type Static } from '@sinclair/typebox';
import { PaymentMethodKind } from '../events/payment.ts';
import { Money, Timestamp, Uuid } from '../primitives.ts';

/** Card brands recognised from the BIN. */
export const CardBrand = Type.Union([
  Type.Literal('visa'),
  Type.Literal('mastercard'),
  Type.Literal('mir'),
  Type.Literal('unionpay'),
  Type.Literal('amex'),
]);
export type CardBrand = Static<typeof CardBrand>;

/** What the card form sends to `POST /payment/tokens`: the only request that carries a card number. */
export const CardInput = Type.Object(
  {
    card: Type.Object(
      {
        number: Type.String({ minLength: 12, maxLength: 23, pattern: '^[0-9 ]+$' }),
        expMonth: Type.Integer({ minimum: 1, maximum: 12 }),
        expYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
        cvc: Type.String({ pattern: '^[0-9]{3,4}$' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type CardInput = Static<typeof CardInput>;

/** A card token and what may be shown of the card. */
export const CardToken = Type.Object({
  token: Type.String(),
  brand: CardBrand,
  last4: Type.String(),
  expMonth: Type.Integer(),
  expYear: Type.Integer(),
});
export type CardToken = Static<typeof CardToken>;

/** The states of a payment intent (see the transition table in the payment service). */
export const IntentStatus = Type.Union([
  Type.Literal('processing'),
  Type.Literal('requires_action'),
  Type.Literal('authorized'),
  Type.Literal('captured'),
  Type.Literal('refunded'),
  Type.Literal('voided'),
  Type.Literal('failed'),
]);
export type IntentStatus = Static<typeof IntentStatus>;

/** One seller's part of a payment, for the settlement split. */
export const PaymentSplit = Type.Object(
  { sellerId: Uuid, amount: Money, categoryId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type PaymentSplit = Static<typeof PaymentSplit>;

/** `POST /payment/intents` (with an Idempotency-Key). */
export const NewPaymentIntent = Type.Object(
  {
    orderId: Uuid,
    customerId: Uuid,
    amount: Money,
    method: PaymentMethodKind,
    token: Type.Optional(Type.String({ maxLength: 100 })),
    splits: Type.Array(PaymentSplit, { minItems: 1, maxItems: 100 }),
    deliveryFee: Money,
    returnUrl: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type NewPaymentIntent = Static<typeof NewPaymentIntent>;

/** A payment intent as clients see it. */
export const PaymentIntent = Type.Object({
  id: Uuid,
  orderId: Uuid,
  customerId: Uuid,
  status: IntentStatus,
  method: PaymentMethodKind,
  amount: Money,
  amountCaptured: Type.Integer(),
  amountRefunded: Type.Integer(),
  provider: Type.String(),
  card: Type.Optional(Type.Object({ brand: CardBrand, last4: Type.String() })),
  nextAction: Type.Optional(Type.Object({ type: Type.Literal('redirect'), url: Type.String() })),
  failureCode: Type.Optional(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PaymentIntent = Static<typeof PaymentIntent>;

/** A refund of (part of) a captured payment. */
export const Refund = Type.Object({
  id: Uuid,
  intentId: Uuid,
  amount: Money,
  destination: Type.Union([Type.Literal('original'), Type.Literal('wallet')]),
  reason: Type.Optional(Type.String()),
  status: Type.Literal('completed'),
  createdAt: Timestamp,
});
export type Refund = Static<typeof Refund>;

/** One line of a ledger as its owner sees it (wallet history, seller statement). */
export const LedgerLine = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  amount: Money,
  intentId: Type.Optional(Uuid),
  memo: Type.Optional(Type.String()),
  availableAt: Type.Optional(Timestamp),
  createdAt: Timestamp,
});
export type LedgerLine = Static<typeof LedgerLine>;

/** The customer's wallet: balance (always the ledger's sum) and recent history. */
export const Wallet = Type.Object({
  balance: Money,
  items: Type.Array(LedgerLine),
});
export type Wallet = Static<typeof Wallet>;

/** A seller's balance: what is owed, what is still within the return window, what was paid out. */
export const SellerBalance = Type.Object({
  balance: Money,
  available: Money,
  pending: Money,
  paidOut: Money,
  iban: Type.Optional(Type.String()),
});
export type SellerBalance = Static<typeof SellerBalance>;

/** A payout to one seller inside a batch. */
export const Payout = Type.Object({
  id: Uuid,
  batchId: Uuid,
  sellerId: Uuid,
  amount: Money,
  iban: Type.Optional(Type.String()),
  status: Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('on_hold')]),
  createdAt: Timestamp,
});
export type Payout = Static<typeof Payout>;

/** A payout batch for one period. */
export const PayoutBatch = Type.Object({
  id: Uuid,
  periodEnd: Timestamp,
  payouts: Type.Integer(),
  total: Money,
  status: Type.Union([Type.Literal('created'), Type.Literal('paid')]),
  createdAt: Timestamp,
});
export type PayoutBatch = Static<typeof PayoutBatch>;

/** A commission rate in basis points for a category or a seller (the seller's rate wins). */
export const CommissionRate = Type.Object(
  {
    scope: Type.Union([Type.Literal('default'), Type.Literal('category'), Type.Literal('seller')]),
    subjectId: Type.Optional(Uuid),
    basisPoints: Type.Integer({ minimum: 0, maximum: 5000 }),
  },
  { additionalProperties: false },
);
export type CommissionRate = Static<typeof CommissionRate>;
