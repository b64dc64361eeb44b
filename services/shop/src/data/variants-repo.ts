/** SQL for product variants: the unit carts, stock and orders reference, with its own price. */
import type { CurrencyCode } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import type { Fragment } from 'postgres';

export interface VariantRow {
  id: string;
  product_id: string;
  sku: string;
  options: Record<string, string>;
  price_amount: string | number;
  compare_at_amount: string | number | null;
  sale_amount: string | number | null;
  sale_starts_at: Date | null;
  sale_ends_at: Date | null;
  effective_amount: string | number;
  effective_compare_at: string | number | null;
  weight_grams: number;
  position: number;
}

export interface NewVariantRow {
  id: string;
  sku: string;
  options: Record<string, string>;
  priceAmount: number;
  compareAtAmount: number | null;
  saleAmount: number | null;
  saleStartsAt: Date | null;
  saleEndsAt: Date | null;
  weightGrams: number;
}

/** The price a variant sells for right now: its scheduled sale while it runs, else its price. */
export const effectivePrice = (db: Queryable, v = 'v'): Fragment => db`
  (case when ${db(v)}.sale_amount is not null and ${db(v)}.sale_starts_at <= now()
             and (${db(v)}.sale_ends_at is null or now() < ${db(v)}.sale_ends_at)
        then ${db(v)}.sale_amount else ${db(v)}.price_amount end)`;

/** The crossed-out price: the regular price while a sale runs, else the seller's compare-at price. */
export const effectiveCompareAt = (db: Queryable, v = 'v'): Fragment => db`
  (case when ${db(v)}.sale_amount is not null and ${db(v)}.sale_starts_at <= now()
             and (${db(v)}.sale_ends_at is null or now() < ${db(v)}.sale_ends_at)
        then coalesce(${db(v)}.compare_at_amount, ${db(v)}.price_amount) else ${db(v)}.compare_at_amount end)`;

/** The variants of the given products, in display order. */
export async function listVariants(db: Queryable, productIds: string[]): Promise<VariantRow[]> {
  if (productIds.length === 0) return [];
  return db<VariantRow[]>`
    select v.*, ${effectivePrice(db)} as effective_amount, ${effectiveCompareAt(db)} as effective_compare_at
    from product_variants v where v.product_id = any(${productIds}::uuid[])
    order by v.product_id, v.position, v.id`;
}

/**
 * Replaces a product's variants with `variants`: kept ids are updated, new ones inserted, missing ones
 * deleted. A SKU already used by another of the seller's variants fails on the unique constraint.
 */
export async function replaceVariants(
  db: Queryable,
  productId: string,
  sellerId: string,
  variants: NewVariantRow[],
): Promise<void> {
  await db`delete from product_variants
           where product_id = ${productId} and not (id = any(${variants.map((v) => v.id)}::uuid[]))`;
  // Two passes so swapping SKUs between two kept variants never trips the unique constraint midway.
  await db`update product_variants set sku = 'tmp-' || id where product_id = ${productId}`;
  for (const [position, v] of variants.entries()) {
    await db`
      insert into product_variants (id, product_id, seller_id, sku, options, price_amount, compare_at_amount,
                                    sale_amount, sale_starts_at, sale_ends_at, weight_grams, position)
      values (${v.id}, ${productId}, ${sellerId}, ${v.sku}, ${db.json(v.options)}, ${v.priceAmount},
              ${v.compareAtAmount}, ${v.saleAmount}, ${v.saleStartsAt}, ${v.saleEndsAt}, ${v.weightGrams}, ${position})
      on conflict (id) do update set
        sku = excluded.sku, options = excluded.options, price_amount = excluded.price_amount,
        compare_at_amount = excluded.compare_at_amount, sale_amount = excluded.sale_amount,
        sale_starts_at = excluded.sale_starts_at, sale_ends_at = excluded.sale_ends_at,
        weight_grams = excluded.weight_grams, position = excluded.position
      where product_variants.product_id = ${productId}`;
  }
}

/** Sets the product's listing ("from") price to its cheapest variant's current price. */
export async function refreshFromPrice(db: Queryable, productIds: string[]): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    update products p set price_amount = x.amount, compare_at_amount = x.compare_at, updated_at = now()
    from (
      select distinct on (v.product_id) v.product_id, ${effectivePrice(db)} as amount,
             ${effectiveCompareAt(db)} as compare_at
      from product_variants v where v.product_id = any(${productIds}::uuid[])
      order by v.product_id, ${effectivePrice(db)}, v.position
    ) x
    where p.id = x.product_id
      and (p.price_amount <> x.amount or p.compare_at_amount is distinct from x.compare_at)
    returning p.id`;
  return rows.map((r) => r.id);
}

/**
 * Products with a sale running or ended within the last day: the candidates whose listing price may
 * have moved since the last check (`refreshFromPrice` then changes only those that really did).
 */
export async function productsWithSalesInMotion(db: Queryable, limit: number): Promise<string[]> {
  const rows = await db<{ product_id: string }[]>`
    select distinct v.product_id from product_variants v
    where v.sale_amount is not null and v.sale_starts_at <= now()
      and (v.sale_ends_at is null or v.sale_ends_at > now() - interval '1 day')
    limit ${limit}`;
  return rows.map((r) => r.product_id);
}

/** What a checkout quote needs of each variant (current price, owner, status), for the given ids. */
export interface QuoteVariant {
  variantId: string;
  productId: string;
  sellerId: string;
  title: string;
  sku: string;
  price: { amount: number; currency: CurrencyCode };
  compareAt: { amount: number; currency: CurrencyCode } | null;
  currency: CurrencyCode;
  /** `active` only when the product is active and not hidden by moderation: only then it can be sold. */
  status: 'active' | 'draft' | 'archived' | 'hidden';
  categoryId: string | null;
  imageUrl?: string | null;
  weightGrams?: number;
  /** Units stock last reported for sale (its `stock.level.changed.v1`); null before its first report. */
  unitsLeft?: number | null;
}

/** Authoritative variant data for a quote; unknown ids are simply absent from the answer. */
export async function findVariantsForQuote(db: Queryable, variantIds: string[]): Promise<QuoteVariant[]> {
  if (variantIds.length === 0) return [];
  const rows = await db<
    {
      id: string;
      product_id: string;
      seller_id: string;
      title: string;
      sku: string;
      options: Record<string, string>;
      amount: string;
      compare_at: string | null;
      currency: CurrencyCode;
      status: 'active' | 'draft' | 'archived';
      hidden: boolean;
      category_id: string | null;
      image_url: string | null;
      weight_grams: number;
      units_left: number | null;
    }[]
  >`
    select v.id, v.product_id, p.seller_id, p.title, v.sku, v.options, ${effectivePrice(db)} as amount,
           ${effectiveCompareAt(db)} as compare_at, p.currency, p.status, p.hidden_at is not null as hidden,
           p.category_id, p.image_url, v.weight_grams, s.available as units_left
    from product_variants v join products p on p.id = v.product_id
      left join variant_stock s on s.variant_id = v.id
    where v.id = any(${variantIds}::uuid[])`;
  return rows.map((r) => ({
    variantId: r.id,
    productId: r.product_id,
    sellerId: r.seller_id,
    title: variantTitle(r.title, r.options),
    sku: r.sku,
    price: { amount: Number(r.amount), currency: r.currency },
    compareAt: r.compare_at === null ? null : { amount: Number(r.compare_at), currency: r.currency },
    currency: r.currency,
    status: r.hidden ? 'hidden' : r.status,
    categoryId: r.category_id,
    imageUrl: r.image_url,
    weightGrams: r.weight_grams,
    unitsLeft: r.units_left,
  }));
}

/** "Title — M / Red": the product title with the variant's option values, or the title alone. */
export function variantTitle(title: string, options: Record<string, string>): string {
  const values = Object.values(options);
  return values.length > 0 ? `${title} — ${values.join(' / ')}` : title;
}
