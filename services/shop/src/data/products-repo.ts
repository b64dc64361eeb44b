/** SQL for products: insert, read, and the search with facets. */
import type { Product, ProductQuery, ProductStatus, Translations } from '@sauda/contracts';
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

// 0.4 accepts one swapped or missing letter in a word of six or more ("samsnug", "iphnoe").
const TYPO_SIMILARITY = 0.4;

/** The filters every hit and every facet count obeys (all but brand and category, which facets vary). */
function commonFilters(db: Queryable, q: ProductQuery): Fragment {
  const parts: Fragment[] = [db`p.status = 'active'`, db`p.hidden_at is null`];
  // Typo tolerance: trigram word similarity for queries long enough to have meaningful trigrams.
  if (q.q) {
    const fuzzy =
      q.q.length >= 4 ? db`or word_similarity(lower(${q.q}), lower(p.title)) >= ${TYPO_SIMILARITY}` : db``;
    parts.push(db`(p.search @@ (select tsq from query) ${fuzzy})`);
  }
  if (q.seller) parts.push(db`p.seller_id = ${q.seller}`);
  if (q.minPrice !== undefined) parts.push(db`p.price_amount >= ${q.minPrice}`);
  if (q.maxPrice !== undefined) parts.push(db`p.price_amount <= ${q.maxPrice}`);
  if (q.minRating !== undefined) parts.push(db`p.rating >= ${q.minRating}`);
  // Containment uses the jsonb_path_ops index: every requested name:value pair must be present.
  const attrs = parseAttributeFilter(q.attr);
  if (attrs) parts.push(db`p.attributes @> ${db.json(attrs)}`);
  return parts.reduce((all, part) => db`${all} and ${part}`);
}

/** `"colour:Red,size:M"` → `{ colour: 'Red', size: 'M' }`; undefined when there is no filter. */
export function parseAttributeFilter(attr: string | undefined): Record<string, string> | undefined {
  if (!attr) return undefined;
  const filter: Record<string, string> = {};
  for (const pair of attr.split(',')) {
    const [name, value] = pair.split(':').map((part) => part.trim());
    if (name && value) filter[name] = value;
  }
  return filter;
}

/** CTEs every search query starts with: the parsed text query and the chosen category's subtree. */
function prelude(db: Queryable, q: ProductQuery): Fragment {
  const text = q.q ?? '';
  return db`
    with query as (
      select websearch_to_tsquery('simple', ${text}) || websearch_to_tsquery('english', ${text})
             || websearch_to_tsquery('russian', ${text}) as tsq
    ), category_tree as (
      with recursive tree as (
        select id from categories where slug = ${q.category ?? ''}
        union all select c.id from categories c join tree t on c.parent_id = t.id
      ) select id from tree
    )`;
}

function orderBy(db: Queryable, q: ProductQuery): Fragment {
  switch (q.sort ?? (q.q ? 'relevance' : 'newest')) {
    case 'price_asc':
      return db`p.price_amount asc, p.id`;
    case 'price_desc':
      return db`p.price_amount desc, p.id`;
    case 'rating':
      return db`p.rating desc nulls last, p.id`;
    case 'newest':
      return db`p.created_at desc, p.id`;
    case 'popularity':
      return db`p.popularity desc, p.created_at desc, p.id`;
    case 'relevance':
      // Text relevance first, a little popularity so equally good matches favour what sells.
      return q.q
        ? db`ts_rank_cd(p.search, (select tsq from query)) + word_similarity(lower(${q.q}), lower(p.title))
             + ln(1 + p.popularity) * 0.05 desc, p.id`
        : db`p.popularity desc, p.created_at desc, p.id`;
  }
}

export interface SearchResult {
  rows: ProductRow[];
  total: number;
  brands: Array<{ value: string; count: number }>;
  categories: Array<{ slug: string; names: Record<string, string>; count: number }>;
  price: { min: number | null; max: number | null };
}

/**
 * One statement answers a search: the rows matching the common filters are read once (`base`), then
 * the page, the total, the price range and the disjunctive facets (brand counts ignore the brand filter,
 * category counts ignore the category filter) are all computed from them.
 */
export async function searchProducts(db: Queryable, q: ProductQuery): Promise<SearchResult> {
  const offset = (q.page - 1) * q.limit;
  const brandOk = q.brand ? db`lower(p.brand) = lower(${q.brand})` : db`true`;
  const categoryOk = q.category ? db`p.category_id in (select id from category_tree)` : db`true`;
  const [row] = await db<
    {
      items: ProductRow[];
      total: number;
      brands: SearchResult['brands'];
      categories: SearchResult['categories'];
      price_min: string | null;
      price_max: string | null;
    }[]
  >`
    ${prelude(db, q)}, base as materialized (
      select p.id, p.seller_id, p.seller_name, p.slug, p.title, p.description, p.brand, p.category_id,
             p.price_amount, p.currency, p.status, p.image_url, p.rating, p.attributes, p.popularity,
             p.created_at, p.search, p.translations, p.compare_at_amount, ${brandOk} as brand_ok, ${categoryOk} as category_ok
      from products p where ${commonFilters(db, q)}
    ), hits as (select * from base where brand_ok and category_ok)
    select
      (select coalesce(json_agg(page), '[]') from (
         select p.id, p.seller_id, p.seller_name, p.slug, p.title, p.description, p.brand, p.category_id,
                c.slug as category_slug, c.names as category_names, p.price_amount, p.currency, p.status,
                p.image_url, p.rating, p.attributes, p.created_at, p.translations, p.compare_at_amount
         from hits p left join categories c on c.id = p.category_id
         order by ${orderBy(db, q)} limit ${q.limit} offset ${offset}) page) as items,
      (select count(*)::int from hits) as total,
      (select coalesce(json_agg(b), '[]') from (
         select brand as value, count(*)::int as count from base
         where category_ok and brand is not null group by brand order by count desc, brand limit 30) b) as brands,
      (select coalesce(json_agg(f), '[]') from (
         select c.slug, c.names, count(*)::int as count from base join categories c on c.id = base.category_id
         where brand_ok group by c.slug, c.names order by count desc, c.slug limit 50) f) as categories,
      (select min(price_amount) from hits) as price_min,
      (select max(price_amount) from hits) as price_max`;
  return {
    rows: row?.items ?? [],
    total: row?.total ?? 0,
    brands: row?.brands ?? [],
    categories: row?.categories ?? [],
    price: {
      min: row?.price_min == null ? null : Number(row.price_min),
      max: row?.price_max == null ? null : Number(row.price_max),
    },
  };
}
