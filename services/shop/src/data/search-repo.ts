/** SQL for catalog search: the page of products, and the facets of the same filters. */
import type { ProductQuery } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import type { Fragment } from 'postgres';
import type { ProductRow } from './products-repo.ts';

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

const brandOk = (db: Queryable, q: ProductQuery): Fragment =>
  q.brand ? db`lower(p.brand) = lower(${q.brand})` : db`true`;
const categoryOk = (db: Queryable, q: ProductQuery): Fragment =>
  q.category ? db`p.category_id in (select id from category_tree)` : db`true`;

/**
 * One page of matching products. Without a text query this is an index scan in the sort's order
 * (created_at, popularity or price indexes), so its cost does not grow with the catalog.
 */
export async function searchPage(db: Queryable, q: ProductQuery): Promise<ProductRow[]> {
  return db<ProductRow[]>`
    ${prelude(db, q)}
    select p.id, p.seller_id, p.seller_name, p.slug, p.title, p.description, p.brand, p.category_id,
           c.slug as category_slug, c.names as category_names, p.price_amount, p.currency, p.status,
           p.image_url, p.rating, p.attributes, p.created_at, p.translations, p.compare_at_amount
    from products p left join categories c on c.id = p.category_id
    where ${commonFilters(db, q)} and ${brandOk(db, q)} and ${categoryOk(db, q)}
    order by ${orderBy(db, q)} limit ${q.limit} offset ${(q.page - 1) * q.limit}`;
}

export interface SearchFacets {
  total: number;
  brands: Array<{ value: string; count: number }>;
  categories: Array<{ slug: string; names: Record<string, string>; count: number }>;
  price: { min: number | null; max: number | null };
}

/**
 * The total, the price range and the disjunctive facets (brand counts ignore the brand filter, category
 * counts ignore the category filter), in one statement over the rows matching the common filters. They
 * do not depend on the page or the sort, so one answer serves every page of a listing.
 */
export async function searchFacets(db: Queryable, q: ProductQuery): Promise<SearchFacets> {
  const [row] = await db<
    {
      total: number;
      brands: SearchFacets['brands'];
      categories: SearchFacets['categories'];
      price_min: string | null;
      price_max: string | null;
    }[]
  >`
    ${prelude(db, q)}, base as materialized (
      select p.brand, p.category_id, p.price_amount, ${brandOk(db, q)} as brand_ok, ${categoryOk(db, q)} as category_ok
      from products p where ${commonFilters(db, q)}
    ), hits as (select * from base where brand_ok and category_ok)
    select
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
    total: row?.total ?? 0,
    brands: row?.brands ?? [],
    categories: row?.categories ?? [],
    price: {
      min: row?.price_min == null ? null : Number(row.price_min),
      max: row?.price_max == null ? null : Number(row.price_max),
    },
  };
}
