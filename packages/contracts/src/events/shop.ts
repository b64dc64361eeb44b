/** Events published by `shop`. */
import { Type } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Money, Timestamp, Uuid } from '../primitives.ts';

const ProductStatusValue = Type.Union([
  Type.Literal('draft'),
  Type.Literal('active'),
  Type.Literal('archived'),
]);

/** One sellable variant as other services know it: `variantId` is what carts, stock and orders use. */
export const ProductVariantSnapshot = Type.Object(
  {
    variantId: Uuid,
    sku: Type.String(),
    title: Type.String({ description: 'the option values, e.g. "M / Red"; the product title if none' }),
    weightGrams: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const ProductCreated = defineEvent(
  'shop.product.created.v1',
  Type.Object({
    productId: Uuid,
    sellerId: Uuid,
    slug: Type.String(),
    title: Type.String(),
    /** The "from" price: the lowest active variant price. */
    price: Money,
    status: ProductStatusValue,
    variants: Type.Array(ProductVariantSnapshot),
    categoryId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    createdAt: Timestamp,
  }),
);

/**
 * The full snapshot after any change (edit, variant added or removed, price, status, moderation lifted);
 * consumers replace their copy with it. Variants absent from `variants` no longer exist.
 */
export const ProductUpdated = defineEvent(
  'shop.product.updated.v1',
  Type.Object({
    productId: Uuid,
    sellerId: Uuid,
    slug: Type.String(),
    title: Type.String(),
    price: Money,
    status: ProductStatusValue,
    variants: Type.Array(ProductVariantSnapshot),
    categoryId: Type.Union([Uuid, Type.Null()]),
    /** True while an admin keeps the product hidden from the storefront. */
    hidden: Type.Boolean(),
    updatedAt: Timestamp,
  }),
);

/** The seller archived the product: no longer sold. */
export const ProductArchived = defineEvent(
  'shop.product.archived.v1',
  Type.Object({ productId: Uuid, sellerId: Uuid, archivedAt: Timestamp }),
);

/** An admin hid the product from the storefront (moderation); it cannot be bought until restored. */
export const ProductHidden = defineEvent(
  'shop.product.hidden.v1',
  Type.Object({ productId: Uuid, sellerId: Uuid, reason: Type.String(), hiddenAt: Timestamp }),
);

/** A gift card's balance was redeemed into a customer's wallet; `payment` credits the wallet from it. */
export const GiftCardRedeemed = defineEvent(
  'shop.giftcard.redeemed.v1',
  Type.Object({
    redemptionId: Uuid,
    giftCardId: Uuid,
    customerId: Uuid,
    amount: Money,
    redeemedAt: Timestamp,
  }),
);

/**
 * A customer bought a gift card (a gift-card product on a confirmed order): one card per unit. The code is
 * what the buyer passes on; `users` may mail it to the buyer (it owns the address).
 */
export const GiftCardIssued = defineEvent(
  'shop.giftcard.issued.v1',
  Type.Object({
    giftCardId: Uuid,
    orderId: Uuid,
    customerId: Uuid,
    code: Type.String(),
    amount: Money,
    expiresAt: Type.Union([Timestamp, Type.Null()]),
    issuedAt: Timestamp,
  }),
);
