/** Building blocks of the shop's `Product` answer: variants, images, translations, moderation. */
import { Type, type Static } from '@sinclair/typebox';
import { Money, Timestamp, Uuid } from '../primitives.ts';

/** A scheduled sale price of a variant: it applies from `startsAt` until `endsAt` (open-ended if null). */
export const SalePrice = Type.Object(
  {
    amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }),
    startsAt: Timestamp,
    endsAt: Type.Union([Timestamp, Type.Null()]),
  },
  { additionalProperties: false },
);
export type SalePrice = Static<typeof SalePrice>;

/** One sellable variant: `id` is the `variantId` carts, stock and orders use. */
export const ProductVariant = Type.Object({
  id: Uuid,
  sku: Type.String(),
  options: Type.Record(Type.String(), Type.String(), {
    description: 'e.g. { "size": "M", "colour": "Red" }',
  }),
  /** What it sells for now (the sale price while one runs). */
  price: Money,
  /** The crossed-out price: the regular price during a sale, else the seller's compare-at price. */
  compareAt: Type.Union([Money, Type.Null()]),
  /** The regular price the seller set. */
  regularPrice: Money,
  /** The compare-at price the seller set (shown crossed out when no sale runs). */
  regularCompareAt: Type.Optional(Type.Union([Money, Type.Null()])),
  sale: Type.Union([SalePrice, Type.Null()]),
  weightGrams: Type.Integer(),
});
export type ProductVariant = Static<typeof ProductVariant>;

/** One gallery image, with a thumbnail for listings. */
export const ProductImage = Type.Object({
  id: Uuid,
  url: Type.String(),
  thumbUrl: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  alt: Type.String(),
});
export type ProductImage = Static<typeof ProductImage>;

const Translation = Type.Object(
  { title: Type.String({ maxLength: 200 }), description: Type.String({ maxLength: 10_000 }) },
  { additionalProperties: false },
);
/** Title and description in Russian and Kazakh; the main title and description are in English. */
export const Translations = Type.Object(
  { ru: Type.Optional(Translation), kk: Type.Optional(Translation) },
  { additionalProperties: false },
);
export type Translations = Static<typeof Translations>;

/** Why and since when an admin hides a product. */
export const ModerationState = Type.Object({ reason: Type.String(), hiddenAt: Timestamp });
export type ModerationState = Static<typeof ModerationState>;
