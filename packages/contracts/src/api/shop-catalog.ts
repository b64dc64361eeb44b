/** Catalog management API types of `shop`: seller edits, variants, admin categories, rates, imports. */
import { Type, type Static } from '@sinclair/typebox';
import { Timestamp, Uuid } from '../primitives.ts';
import { SalePrice, Translations } from './shop-catalog-parts.ts';

const Amount = Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'minor units' });

/** A variant as the seller sends it; `id` keeps an existing variant (its variantId), absent mints one. */
export const VariantInput = Type.Object(
  {
    id: Type.Optional(Uuid),
    sku: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }),
    options: Type.Optional(
      Type.Record(Type.String({ maxLength: 30 }), Type.String({ maxLength: 60 }), { maxProperties: 5 }),
    ),
    price: Amount,
    compareAt: Type.Optional(Type.Union([Amount, Type.Null()])),
    sale: Type.Optional(Type.Union([SalePrice, Type.Null()])),
    weightGrams: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type VariantInput = Static<typeof VariantInput>;

/** A seller's edit of their product: every field optional; `variants` replaces the whole list. */
export const ProductEdit = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    brand: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    categorySlug: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('active')])),
    attributes: Type.Optional(
      Type.Record(Type.String({ maxLength: 50 }), Type.String({ maxLength: 200 }), { maxProperties: 50 }),
    ),
    translations: Type.Optional(Translations),
    variants: Type.Optional(Type.Array(VariantInput, { minItems: 1, maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type ProductEdit = Static<typeof ProductEdit>;

/** An admin's new category. */
export const NewCategory = Type.Object(
  {
    slug: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' })),
    names: Type.Object(
      {
        en: Type.String({ minLength: 1, maxLength: 100 }),
        ru: Type.String({ minLength: 1, maxLength: 100 }),
        kk: Type.String({ minLength: 1, maxLength: 100 }),
      },
      { additionalProperties: false },
    ),
    parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);
export type NewCategory = Static<typeof NewCategory>;

/** An admin's rename and/or move of a category. */
export const CategoryEdit = Type.Object(
  {
    slug: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' })),
    names: Type.Optional(NewCategory.properties.names),
    parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CategoryEdit = Static<typeof CategoryEdit>;

/** One display exchange rate: how many units of `currency` one KZT buys, times 1e9 (integral). */
export const ExchangeRate = Type.Object({
  currency: Type.Union([Type.Literal('USD'), Type.Literal('EUR'), Type.Literal('RUB')]),
  perKztE9: Type.Integer({ minimum: 1 }),
  updatedAt: Timestamp,
});
export type ExchangeRate = Static<typeof ExchangeRate>;

/** A bulk CSV import and its per-row validation report. */
export const ImportJob = Type.Object({
  id: Uuid,
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  totalRows: Type.Integer(),
  processedRows: Type.Integer(),
  createdCount: Type.Integer(),
  errorCount: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() })),
  createdAt: Timestamp,
  finishedAt: Type.Union([Timestamp, Type.Null()]),
});
export type ImportJob = Static<typeof ImportJob>;

/** An autocomplete suggestion. */
export const Suggestion = Type.Object({
  kind: Type.Union([Type.Literal('product'), Type.Literal('category'), Type.Literal('brand')]),
  text: Type.String(),
  slug: Type.Union([Type.String(), Type.Null()]),
});
export type Suggestion = Static<typeof Suggestion>;
