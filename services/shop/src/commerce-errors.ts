/** The error catalogue of shop's commerce half (quotes, promo codes, gift cards, reviews). */
import { errorType, type ErrorCatalogue } from '@sauda/kit';

/** A quote names a variant the catalog does not know. */
export const VariantNotFound = errorType('VARIANT_NOT_FOUND', 422, 'A cart line names an unknown variant');
/** A quote mixes products priced in different currencies (each order is charged in one). */
export const QuoteMixedCurrencies = errorType(
  'QUOTE_MIXED_CURRENCIES',
  422,
  'The cart mixes products priced in different currencies',
);
/** A quote asked in a currency other than the one the products are sold in. */
export const QuoteCurrencyUnsupported = errorType(
  'QUOTE_CURRENCY_UNSUPPORTED',
  422,
  'Products in this cart are sold in another currency',
);
/** A promo code that does not exist. */
export const PromoNotFound = errorType('PROMO_NOT_FOUND', 404, 'This promo code does not exist');
/** A new promo code whose code is taken. */
export const PromoCodeTaken = errorType('PROMO_CODE_TAKEN', 409, 'This promo code already exists');
/** A promo definition that contradicts itself (e.g. a percentage without a percent). */
export const PromoInvalid = errorType('PROMO_INVALID', 422, 'This promo code definition is not valid');
/** A promo code cannot be used for this order (the detail says why: limit, dates, scope). */
export const PromoRejected = errorType(
  'PROMO_REJECTED',
  409,
  'This promo code cannot be used for this order',
);
/** A gift card code that does not exist. */
export const GiftCardNotFound = errorType('GIFT_CARD_NOT_FOUND', 404, 'This gift card does not exist');
/** A gift card that is disabled, expired or in another currency. */
export const GiftCardUnusable = errorType('GIFT_CARD_UNUSABLE', 409, 'This gift card cannot be used');
/** A redemption larger than the card's balance. */
export const GiftCardInsufficient = errorType(
  'GIFT_CARD_INSUFFICIENT',
  409,
  'The gift card balance is lower than the amount',
);
/** A refund larger than what is left of the redemption, or of something that is not a redemption. */
export const GiftCardRefundInvalid = errorType(
  'GIFT_CARD_REFUND_INVALID',
  409,
  'This refund exceeds what was redeemed',
);
/** An idempotency key reused with different content. */
export const IdempotencyConflict = errorType(
  'IDEMPOTENCY_CONFLICT',
  409,
  'This idempotency key was used for another request',
);
/** Only customers who received the product may review it. */
export const ReviewNotAllowed = errorType(
  'REVIEW_NOT_ALLOWED',
  403,
  'Only customers who received this product may review it',
);
/** One review per product per customer. */
export const ReviewExists = errorType('REVIEW_EXISTS', 409, 'You have already reviewed this product');
/** A review id that does not exist. */
export const ReviewNotFound = errorType('REVIEW_NOT_FOUND', 404, 'This review does not exist');

export const commerceErrors: ErrorCatalogue = [
  VariantNotFound,
  QuoteMixedCurrencies,
  QuoteCurrencyUnsupported,
  PromoNotFound,
  PromoCodeTaken,
  PromoInvalid,
  PromoRejected,
  GiftCardNotFound,
  GiftCardUnusable,
  GiftCardInsufficient,
  GiftCardRefundInvalid,
  IdempotencyConflict,
  ReviewNotAllowed,
  ReviewExists,
  ReviewNotFound,
];
