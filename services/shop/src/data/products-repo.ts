/** SQL for products: insert, read, and the search with facets. */
import type { Product, ProductStatus, Translations } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import type { Fragment } from 'postgres';

export interface ProductRow {
  id: string;
  seller_id: string;
  seller_name: string;
  slug: string;
  title: string;
  description: string;
  brand: string | null;
  category_id: string | null;
  category_slug: string | null;
  category_names: Record<string, string> | null;
  /** bigint: a string from a plain query, a number from json_agg. */
  price_amount: string | number;
  currency: Product['price']['currency'];
  status: ProductStatus;
  image_url: string | null;
  rating: string | number | null;
  attributes: Record<string, string>;
  created_at: Date | string;
  translations?: Translations;
  compare_at_amount?: string | number | null;
  hidden_at?: Date | string | null;
  hidden_reason?: string | null;
}

export interface NewProductRow {
  id: string;
  sellerId: string;
  sellerName: string;
  slug: string;
  title: string;
  description: string;
  brand: string | null;
  categoryId: string | null;
  priceAmount: number;
  currency: string;
  status: ProductStatus;
  imageUrl: string | null;
  attributes: Record<string, string>;
  translations: Translations;
}

/** Maps a row to the API shape, naming the category in the reader's language. */
export function toProduct(row: ProductRow, locale: string): Product {
  const translated = locale === 'ru' || locale === 'kk' ? row.translations?.[locale] : undefined;
  return {
    id: row.id,
    slug: row.slug,
    title: translated?.title || row.title,
    description: translated?.description || row.description,
    brand: row.brand,
    category:
      row.category_id && row.category_slug
        ? {
            id: row.category_id,
            slug: row.category_slug,
            name: row.category_names?.[locale] ?? row.category_names?.en ?? row.category_slug,
          }
        : null,
    price: { amount: Number(row.price_amount), currency: row.currency },
    sellerId: row.seller_id,
    sellerName: row.seller_name,
    status: row.status,
    imageUrl: row.image_url,
    rating: row.rating === null ? null : Number(row.rating),
    attributes: row.attributes,
    createdAt: new Date(row.created_at).toISOString(),
    compareAt:
      row.compare_at_amount == null
        ? null
        : { amount: Number(row.compare_at_amount), currency: row.currency },
  };
}

/** Inserts a product; a taken slug returns false so the caller can pick another. */
export async function insertProduct(db: Queryable, p: NewProductRow): Promise<boolean> {
  const rows = await db`
    insert into products (id, seller_id, seller_name, slug, title, description, brand, category_id,
                          price_amount, currency, status, image_url, attributes, translations)
    values (${p.id}, ${p.sellerId}, ${p.sellerName}, ${p.slug}, ${p.title}, ${p.description}, ${p.brand},
            ${p.categoryId}, ${p.priceAmount}, ${p.currency}, ${p.status}, ${p.imageUrl}, ${db.json(p.attributes)},
            ${db.json(p.translations)})
    on conflict (slug) do nothing
    returning id`;
  return rows.length === 1;
}

const SELECT = (db: Queryable): Fragment => db`
  select p.*, c.slug as category_slug, c.names as category_names
  from products p left join categories c on c.id = p.category_id`;

/** One product by id or slug; drafts and archived ones only for their seller. */
export async function findProduct(db: Queryable, idOrSlug: string): Promise<ProductRow | undefined> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrSlug);
  const [row] = await db<
    ProductRow[]
  >`${SELECT(db)} where ${isUuid ? db`p.id = ${idOrSlug}` : db`p.slug = ${idOrSlug}`}`;
  return row;
}

/** A seller's own products, newest first. */
export async function listSellerProducts(
  db: Queryable,
  sellerId: string,
  limit: number,
  offset: number,
  status?: string,
): Promise<{ rows: ProductRow[]; total: number }> {
  const byStatus = status ? db`and p.status = ${status}` : db``;
  const rows = await db<(ProductRow & { total: string })[]>`
    select *, count(*) over () as total from (${SELECT(db)}) p
    where p.seller_id = ${sellerId} ${byStatus} order by p.created_at desc, p.id limit ${limit} offset ${offset}`;
  return { rows, total: Number(rows[0]?.total ?? 0) };
}
