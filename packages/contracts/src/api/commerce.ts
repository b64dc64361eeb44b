/** The public API types of `shop`'s commerce half: quotes, promo codes, gift cards, reviews, recommendations. */
import { Type, type Static } from '@sinclair/typebox';
import { CurrencyCode, Money, Timestamp, Uuid } from '../primitives.ts';

const code = Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' });

export const QuoteRequest = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        { variantId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 999 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    promoCodes: Type.Optional(Type.Array(code, { maxItems: 5 })),
    giftCards: Type.Optional(Type.Array(code, { maxItems: 5 })),
    currency: Type.Optional(CurrencyCode),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 country for VAT' })),
    customerId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type QuoteRequest = Static<typeof QuoteRequest>;

export const QuoteLine = Type.Object({
  variantId: Uuid,
  productId: Uuid,
  sellerId: Uuid,
  title: Type.String(),
  sku: Type.String(),
  quantity: Type.Integer(),
  available: Type.Boolean(),
  unitPrice: Money,
  compareAt: Type.Union([Money, Type.Null()]),
  subtotal: Money,
  discount: Money,
  total: Money,
  /** The product's main image, for carts and order lines. */
  imageUrl: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  /** The variant's shipping weight, for delivery fees. */
  weightGrams: Type.Optional(Type.Integer({ minimum: 0 })),
  /**
   * Units for sale as stock last reported them to shop (its level events, a moment behind stock itself):
   * for the cart's "only N left" notices. Null until stock reported the variant; absent from older shops.
   */
  unitsLeft: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
});
export type QuoteLine = Static<typeof QuoteLine>;

export const QuoteSellerTotal = Type.Object({
  sellerId: Uuid,
  subtotal: Money,
  discount: Money,
  total: Money,
  vat: Money,
});

export const QuotePromo = Type.Object({
  code: Type.String(),
  applied: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()], { description: 'why a code did not apply (error code)' }),
  discount: Money,
  freeShipping: Type.Boolean(),
});

export const QuoteGiftCard = Type.Object({
  code: Type.String(),
  usable: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()]),
  balance: Type.Union([Money, Type.Null()]),
  amount: Money,
});

export const Quote = Type.Object({
  currency: CurrencyCode,
  country: Type.String(),
  vatRatePercent: Type.Number(),
  lines: Type.Array(QuoteLine),
  sellers: Type.Array(QuoteSellerTotal),
  promos: Type.Array(QuotePromo),
  giftCards: Type.Array(QuoteGiftCard),
  freeShipping: Type.Boolean(),
  subtotal: Money,
  discount: Money,
  total: Money,
  vat: Money,
  giftCardAmount: Money,
  payable: Money,
  allAvailable: Type.Boolean(),
  appliedPromoCodes: Type.Array(Type.String(), { description: 'codes to reserve at checkout' }),
  quotedAt: Timestamp,
});
export type Quote = Static<typeof Quote>;

export const PromoKind = Type.Union([
  Type.Literal('percentage'),
  Type.Literal('fixed'),
  Type.Literal('free_shipping'),
]);
export type PromoKind = Static<typeof PromoKind>;

export const PromoScope = Type.Object(
  {
    categoryIds: Type.Array(Uuid, { maxItems: 100, default: [] }),
    sellerIds: Type.Array(Uuid, { maxItems: 100, default: [] }),
    productIds: Type.Array(Uuid, { maxItems: 500, default: [] }),
  },
  { additionalProperties: false, description: 'empty lists mean no restriction on that axis' },
);

const promoFields = {
  kind: PromoKind,
  percent: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  amount: Type.Optional(Money),
  minBasket: Type.Optional(Type.Union([Money, Type.Null()])),
  scope: Type.Optional(PromoScope),
  startsAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
  endsAt: Type.Optional(Type.Union([Timestamp, Type.Null()])),
  usageLimit: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  perCustomerLimit: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
  stackable: Type.Optional(Type.Boolean({ description: 'combinable with other stackable codes' })),
  active: Type.Optional(Type.Boolean()),
  description: Type.Optional(Type.String({ maxLength: 500 })),
};

export const NewPromo = Type.Object({ code, ...promoFields }, { additionalProperties: false });
export type NewPromo = Static<typeof NewPromo>;

export const PromoPatch = Type.Partial(Type.Object(promoFields), { additionalProperties: false });
export type PromoPatch = Static<typeof PromoPatch>;

export const Promo = Type.Object({
  id: Uuid,
  code: Type.String(),
  kind: PromoKind,
  percent: Type.Union([Type.Integer(), Type.Null()]),
  amount: Type.Union([Money, Type.Null()]),
  minBasket: Type.Union([Money, Type.Null()]),
  scope: Type.Object({
    categoryIds: Type.Array(Uuid),
    sellerIds: Type.Array(Uuid),
    productIds: Type.Array(Uuid),
  }),
  startsAt: Type.Union([Timestamp, Type.Null()]),
  endsAt: Type.Union([Timestamp, Type.Null()]),
  usageLimit: Type.Union([Type.Integer(), Type.Null()]),
  perCustomerLimit: Type.Union([Type.Integer(), Type.Null()]),
  usedCount: Type.Integer(),
  stackable: Type.Boolean(),
  active: Type.Boolean(),
  description: Type.String(),
  createdAt: Timestamp,
});
export type Promo = Static<typeof Promo>;

export const GiftCard = Type.Object({
  id: Uuid,
  code: Type.String(),
  balance: Money,
  initial: Money,
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  expiresAt: Type.Union([Timestamp, Type.Null()]),
  note: Type.String(),
  createdAt: Timestamp,
});
export type GiftCard = Static<typeof GiftCard>;

export const GiftCardLedgerEntry = Type.Object({
  id: Uuid,
  kind: Type.Union([
    Type.Literal('issue'),
    Type.Literal('redeem'),
    Type.Literal('refund'),
    Type.Literal('wallet'),
  ]),
  amount: Money,
  orderId: Type.Union([Uuid, Type.Null()]),
  customerId: Type.Union([Uuid, Type.Null()]),
  createdAt: Timestamp,
});
export type GiftCardLedgerEntry = Static<typeof GiftCardLedgerEntry>;

export const Review = Type.Object({
  id: Uuid,
  productId: Uuid,
  customerId: Uuid,
  authorName: Type.String(),
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  title: Type.String(),
  body: Type.String(),
  hidden: Type.Boolean(),
  hiddenReason: Type.Union([Type.String(), Type.Null()]),
  answer: Type.Union([Type.Object({ body: Type.String(), answeredAt: Timestamp }), Type.Null()]),
  createdAt: Timestamp,
});
export type Review = Static<typeof Review>;

export const ReviewPage = Type.Object({
  items: Type.Array(Review),
  total: Type.Integer(),
  rating: Type.Union([Type.Number(), Type.Null()]),
  reviewCount: Type.Integer(),
  distribution: Type.Array(Type.Integer(), { description: 'counts of 1..5 stars' }),
  canReview: Type.Boolean({ description: 'the caller received this product and has not reviewed it' }),
});
export type ReviewPage = Static<typeof ReviewPage>;

export const RecommendedProduct = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  price: Money,
  imageUrl: Type.Union([Type.String(), Type.Null()]),
  rating: Type.Union([Type.Number(), Type.Null()]),
});
export type RecommendedProduct = Static<typeof RecommendedProduct>;

export const ProductRecommendations = Type.Object({
  boughtTogether: Type.Array(RecommendedProduct),
  similar: Type.Array(RecommendedProduct),
  popularInCategory: Type.Array(RecommendedProduct),
});
export type ProductRecommendations = Static<typeof ProductRecommendations>;
