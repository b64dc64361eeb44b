/** The public API types of `shop` (catalog slice). */
import { Type, type Static } from '@sinclair/typebox';
import { CurrencyCode, Money, Timestamp, Uuid } from '../primitives.ts';
import { ModerationState, ProductImage, ProductVariant, Translations } from './shop-catalog-parts.ts';
import { VariantInput } from './shop-catalog.ts';

export const ProductStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('active'),
  Type.Literal('archived'),
]);
export type ProductStatus = Static<typeof ProductStatus>;

export const Product = Type.Object(
  {
    id: Uuid,
    slug: Type.String(),
    title: Type.String(),
    description: Type.String(),
    brand: Type.Union([Type.String(), Type.Null()]),
    category: Type.Union([Type.Object({ id: Uuid, slug: Type.String(), name: Type.String() }), Type.Null()]),
    price: Money,
    sellerId: Uuid,
    sellerName: Type.String(),
    status: ProductStatus,
    imageUrl: Type.Union([Type.String(), Type.Null()]),
    rating: Type.Union([Type.Number(), Type.Null()]),
    attributes: Type.Record(Type.String(), Type.String()),
    createdAt: Timestamp,
    /** The crossed-out price of the "from" variant (its regular price while a sale runs), if any. */
    compareAt: Type.Optional(Type.Union([Money, Type.Null()])),
    /** Only on the product page (not in listings): every variant with its own price. */
    variants: Type.Optional(Type.Array(ProductVariant)),
    /** Only on the product page: the gallery, in order. */
    images: Type.Optional(Type.Array(ProductImage)),
    /** Only for the owner and admins: the translations as stored, for editing. */
    translations: Type.Optional(Translations),
    /** Set while an admin hides the product; visible only to the owner and admins. */
    moderation: Type.Optional(Type.Union([ModerationState, Type.Null()])),
  },
  { $id: 'Product' },
);
export type Product = Static<typeof Product>;

export const FacetValue = Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() });

export const ProductPage = Type.Object({
  items: Type.Array(Type.Ref(Product)),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
  facets: Type.Object({
    brands: Type.Array(FacetValue),
    categories: Type.Array(FacetValue),
    price: Type.Object({
      min: Type.Union([Type.Integer(), Type.Null()]),
      max: Type.Union([Type.Integer(), Type.Null()]),
    }),
    /** How many of the matching products can be bought now (some variant available in a depot). */
    inStock: Type.Optional(Type.Integer()),
    /** Per attribute (e.g. colour), its most frequent values among the matching products. */
    attributes: Type.Optional(
      Type.Array(Type.Object({ name: Type.String(), values: Type.Array(FacetValue) })),
    ),
  }),
});
export type ProductPage = Static<typeof ProductPage>;

/**
 * Every listed product in id order, page by page (`after` the last id of the previous page): how another
 * service (the assistant) reads the whole catalog in time linear in its size. `popularity` is the sales
 * signal the listing's "popular" order uses.
 */
export const CatalogExportPage = Type.Object({
  items: Type.Array(Type.Composite([Product, Type.Object({ popularity: Type.Number() })])),
  /** The cursor of the next page, or null after the last. */
  next: Type.Union([Uuid, Type.Null()]),
});
export type CatalogExportPage = Static<typeof CatalogExportPage>;

export const ProductSort = Type.Union(
  [
    Type.Literal('relevance'),
    Type.Literal('price_asc'),
    Type.Literal('price_desc'),
    Type.Literal('newest'),
    Type.Literal('rating'),
    Type.Literal('popularity'),
  ],
  { default: 'relevance' },
);
export type ProductSort = Static<typeof ProductSort>;

export const ProductQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    category: Type.Optional(
      Type.String({ maxLength: 100, description: 'category slug; includes subcategories' }),
    ),
    brand: Type.Optional(Type.String({ maxLength: 100 })),
    seller: Type.Optional(Uuid),
    minPrice: Type.Optional(Type.Integer({ minimum: 0, description: 'minor units' })),
    maxPrice: Type.Optional(Type.Integer({ minimum: 0, description: 'minor units' })),
    minRating: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })),
    attr: Type.Optional(
      Type.String({
        maxLength: 300,
        pattern: '^[^:,]+:[^:,]+(,[^:,]+:[^:,]+)*$',
        description: 'attribute filters "name:value,name:value" (all must match)',
      }),
    ),
    inStock: Type.Optional(Type.Boolean({ description: 'only products with an available variant' })),
    sort: Type.Optional(ProductSort),
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export type ProductQuery = Static<typeof ProductQuery>;

export const NewProduct = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 200 }),
    description: Type.String({ maxLength: 10_000, default: '' }),
    brand: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    categorySlug: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    price: Type.Object(
      { amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }), currency: CurrencyCode },
      { additionalProperties: false },
    ),
    status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('active')])),
    attributes: Type.Optional(
      Type.Record(Type.String({ maxLength: 50 }), Type.String({ maxLength: 200 }), { maxProperties: 50 }),
    ),
    translations: Type.Optional(Translations),
    /** The variants; absent means one variant at `price` with a generated SKU. */
    variants: Type.Optional(Type.Array(VariantInput, { minItems: 1, maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type NewProduct = Static<typeof NewProduct>;

export const Category = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  parentId: Type.Union([Uuid, Type.Null()]),
  path: Type.Array(Type.String(), { description: 'slugs from the root to this category (breadcrumbs)' }),
});
export type Category = Static<typeof Category>;
