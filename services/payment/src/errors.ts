/** The payment service's error catalogue: CODE → HTTP status → message. */
import { errorType, type ErrorCatalogue } from '@sauda/kit';

/** The card number fails Luhn or has an impossible length. */
export const CardNumberInvalid = errorType('CARD_NUMBER_INVALID', 422, 'This card number is not valid');
/** A card of a brand we do not accept (we take Visa, Mastercard, Mir, UnionPay, Amex). */
export const CardBrandUnsupported = errorType(
  'CARD_BRAND_UNSUPPORTED',
  422,
  'This card brand is not accepted',
);
/** The card's expiry date has passed. */
export const CardExpired = errorType('CARD_EXPIRED', 422, 'This card has expired');
/** The CVC has the wrong length for the brand. */
export const CardCvcInvalid = errorType('CARD_CVC_INVALID', 422, 'The security code is not valid');
/** A token that does not exist or belongs to another customer (indistinguishable on purpose). */
export const CardTokenNotFound = errorType('CARD_TOKEN_NOT_FOUND', 404, 'This card token does not exist');
/** A card method without a token. */
export const CardTokenRequired = errorType('CARD_TOKEN_REQUIRED', 422, 'Card payments need a card token');
/** An intent id that does not exist or is not the caller's. */
export const IntentNotFound = errorType('INTENT_NOT_FOUND', 404, 'This payment does not exist');
/** The intent is in a state that does not allow this operation. */
export const IntentStateConflict = errorType(
  'INTENT_STATE_CONFLICT',
  409,
  'The payment is not in a state that allows this',
);
/** The order already has a live payment. */
export const OrderAlreadyPaid = errorType(
  'ORDER_ALREADY_HAS_PAYMENT',
  409,
  'This order already has a live payment',
);
/** Splits plus delivery fee must add up to the amount, all in one currency. */
export const SplitMismatch = errorType(
  'SPLIT_MISMATCH',
  422,
  'The seller splits and delivery fee do not add up to the amount',
);
/** A capture above the authorized amount, or of nothing. */
export const CaptureAmountInvalid = errorType(
  'CAPTURE_AMOUNT_INVALID',
  422,
  'The capture amount is not within the authorized amount',
);
/** A refund above what remains refundable. */
export const RefundExceedsCaptured = errorType(
  'REFUND_EXCEEDS_CAPTURED',
  422,
  'The refund is more than what remains refundable',
);
/** A wallet spend above the balance. */
export const WalletInsufficient = errorType('WALLET_INSUFFICIENT', 422, 'The wallet balance is not enough');
/** Cash on delivery is captured only by the round's collection reconciliation. */
export const CodCapturedByCollection = errorType(
  'COD_CAPTURED_BY_COLLECTION',
  409,
  "Cash payments are captured when the round's cash is reconciled",
);
/** The collection names an intent that is not a cash payment waiting for collection. */
export const CodIntentInvalid = errorType(
  'COD_INTENT_INVALID',
  422,
  'This payment is not a cash payment awaiting collection',
);
/** A webhook whose signature does not verify. */
export const WebhookSignatureInvalid = errorType(
  'WEBHOOK_SIGNATURE_INVALID',
  400,
  'The webhook signature does not verify',
);
/** A challenge id that does not exist or is already answered. */
export const ChallengeNotFound = errorType(
  'CHALLENGE_NOT_FOUND',
  404,
  'This confirmation does not exist or was already answered',
);
/** An IBAN whose checksum fails. */
export const IbanInvalid = errorType('IBAN_INVALID', 422, 'This IBAN is not valid');
/** Amounts in different currencies mixed in one request. */
export const CurrencyMismatch = errorType(
  'CURRENCY_MISMATCH',
  422,
  'All amounts must be in the payment currency',
);
/** The provider did not answer; nothing was charged (the authorization is reversed if it arrives late). */
export const ProviderUnavailable = errorType(
  'PROVIDER_UNAVAILABLE',
  503,
  'The payment provider is unavailable; try again',
);
/** A payout batch for this period exists already. */
export const PayoutBatchExists = errorType(
  'PAYOUT_BATCH_EXISTS',
  409,
  'A payout batch for this period exists already',
);
/** A payout batch id that does not exist. */
export const PayoutBatchNotFound = errorType(
  'PAYOUT_BATCH_NOT_FOUND',
  404,
  'This payout batch does not exist',
);

export const paymentErrors: ErrorCatalogue = [
  CardNumberInvalid,
  CardBrandUnsupported,
  CardExpired,
  CardCvcInvalid,
  CardTokenNotFound,
  CardTokenRequired,
  IntentNotFound,
  IntentStateConflict,
  OrderAlreadyPaid,
  SplitMismatch,
  CaptureAmountInvalid,
  RefundExceedsCaptured,
  WalletInsufficient,
  CodCapturedByCollection,
  CodIntentInvalid,
  WebhookSignatureInvalid,
  ChallengeNotFound,
  IbanInvalid,
  CurrencyMismatch,
  ProviderUnavailable,
  PayoutBatchExists,
  PayoutBatchNotFound,
];
