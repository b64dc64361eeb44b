/** Events published by `payment`: the intent lifecycle, refunds, wallet credits and seller payouts. */
import { Type } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Money, Timestamp, Uuid } from '../primitives.ts';

/** How the customer pays: a new card token, a saved card, wallet credit, or cash on delivery. */
export const PaymentMethodKind = Type.Union([
  Type.Literal('card'),
  Type.Literal('saved_card'),
  Type.Literal('wallet'),
  Type.Literal('cod'),
]);

/** The money is reserved (card authorized, wallet held, or cash on delivery accepted). */
export const PaymentAuthorized = defineEvent(
  'payment.payment.authorized.v1',
  Type.Object({
    intentId: Uuid,
    orderId: Uuid,
    customerId: Uuid,
    amount: Money,
    method: PaymentMethodKind,
    authorizedAt: Timestamp,
  }),
);

/** The payment failed; `reason` is a stable code (insufficient_funds, do_not_honour, stolen_card, …). */
export const PaymentFailed = defineEvent(
  'payment.payment.failed.v1',
  Type.Object({
    intentId: Uuid,
    orderId: Uuid,
    customerId: Uuid,
    reason: Type.String(),
    failedAt: Timestamp,
  }),
);

/** The bank asks the customer to confirm (3-D Secure style); the order waits. */
export const PaymentRequiresAction = defineEvent(
  'payment.payment.requires_action.v1',
  Type.Object({ intentId: Uuid, orderId: Uuid, customerId: Uuid, url: Type.String(), at: Timestamp }),
);

/** Money was taken (card capture, wallet spend, or cash collected and reconciled). */
export const PaymentCaptured = defineEvent(
  'payment.payment.captured.v1',
  Type.Object({ intentId: Uuid, orderId: Uuid, customerId: Uuid, amount: Money, capturedAt: Timestamp }),
);

/** The authorization was released; nothing was taken. */
export const PaymentVoided = defineEvent(
  'payment.payment.voided.v1',
  Type.Object({ intentId: Uuid, orderId: Uuid, customerId: Uuid, voidedAt: Timestamp }),
);

/** A refund reached the customer (to the original method or to the wallet). */
export const RefundCompleted = defineEvent(
  'payment.refund.completed.v1',
  Type.Object({
    refundId: Uuid,
    intentId: Uuid,
    orderId: Uuid,
    customerId: Uuid,
    amount: Money,
    destination: Type.Union([Type.Literal('original'), Type.Literal('wallet')]),
    completedAt: Timestamp,
  }),
);

/** The customer's wallet was credited (refund, gift card, goodwill). */
export const WalletCredited = defineEvent(
  'payment.wallet.credited.v1',
  Type.Object({
    customerId: Uuid,
    amount: Money,
    source: Type.Union([Type.Literal('refund'), Type.Literal('giftcard'), Type.Literal('goodwill')]),
    reference: Type.String(),
    creditedAt: Timestamp,
  }),
);

/** A seller payout was created in a batch (the bank file carries it). */
export const PayoutCreated = defineEvent(
  'payment.payout.created.v1',
  Type.Object({ payoutId: Uuid, batchId: Uuid, sellerId: Uuid, amount: Money, createdAt: Timestamp }),
);
