/**
 * SQL for the catalog listing without a text query: one page in an index's order, and the facets of the
 * same filters. The fragments shared with the text search (filters, facets) live here too.
 */
import type { ProductQuery } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import type { Fragment } from 'postgres';
import type { ProductRow } from './products-repo.ts';

/** The filters every hit and every facet count obeys (all but brand and category, which facets vary). */
export function commonFilters(db: Queryable, q: ProductQuery, match?: Fragment): Fragment {
  const parts: Fragment[] = [db`p.status = 'active'`, db`p.hidden_at is null`];
  if (match) parts.push(match);
  if (q.seller) parts.push(db`p.seller_id = ${q.seller}`);
  if (q.minPrice !== undefined) parts.push(db`p.price_amount >= ${q.minPrice}`);
  if (q.maxPrice !== undefined) parts.push(db`p.price_amount <= ${q.maxPrice}`);
  if (q.minRating !== undefined) parts.push(db`p.rating >= ${q.minRating}`);
  if (q.inStock) parts.push(db`p.in_stock`);
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

/** The chosen category's subtree, as a CTE named `category_tree`. */
export function categoryTree(db: Queryable, q: ProductQuery): Fragment {
  return db`category_tree as (
      with recursive tree as (
        select id from categories where slug = ${q.category ?? ''}
        union all select c.id from categories c join tree t on c.parent_id = t.id
      ) select id from tree
    )`;
}

export const brandOk = (db: Queryable, q: ProductQuery): Fragment =>
  q.brand ? db`lower(p.brand) = lower(${q.brand})` : db`true`;
export const categoryOk = (db: Queryable, q: ProductQuery): Fragment =>
  q.category ? db`p.category_id in (select id from category_tree)` : db`true`;

/** The columns of a product row a page shows (`p` products, `c` its category). */
export const PAGE_COLUMNS = (db: Queryable): Fragment => db`
  p.id, p.seller_id, p.seller_name, p.slug, p.title, p.description, p.brand, p.category_id,
  c.slug as category_slug, c.names as category_names, p.price_amount, p.currency, p.status,
  p.image_url, p.rating, p.attributes, p.created_at, p.translations, p.compare_at_amount`;

export interface SearchFacets {
  total: number;
  brands: Array<{ value: string; count: number }>;
  categories: Array<{ slug: string; names: Record<string, string>; count: number }>;
  price: { min: number | null; max: number | null };
  inStock: number;
  attributes: Array<{ name: string; values: Array<{ value: string; count: number }> }>;
}

export interface FacetColumns {
  total: number;
  brands: SearchFacets['brands'];
  categories: SearchFacets['categories'];
  price_min: string | number | null;
  price_max: string | number | null;
  in_stock: number;
  attributes: SearchFacets['attributes'];
}

/**
 * The facet columns over two CTEs: `base` (rows matching the common filters, with `brand_ok` and
 * `category_ok`) and `hits` (those passing both). Brand counts ignore the brand filter and category counts
 * the category filter (disjunctive facets); the rest count the hits. Attribute counts need `attributes` in
 * the CTEs; without them the column is an empty list.
 */
export function facetColumns(db: Queryable, withAttributes = true): Fragment {
  const attributes = withAttributes
    ? db`(select coalesce(json_agg(json_build_object('name', name, 'values', vals) order by seen desc, name), '[]')
     from (select name, sum(count) as seen,
                  json_agg(json_build_object('value', value, 'count', count) order by count desc, value) as vals
           from (select a.key as name, a.value, count(*)::int as count,
                        row_number() over (partition by a.key order by count(*) desc, a.value) as rank
                 from hits, jsonb_each_text(hits.attributes) a group by a.key, a.value) v
           where rank <= 20 group by name order by seen desc, name limit 12) attrs)`
    : db`'[]'::json`;
  return db`
    (select count(*)::int from hits) as total,
    (select coalesce(json_agg(b), '[]') from (
       select brand as value, count(*)::int as count from base
       where category_ok and brand is not null group by brand order by count desc, brand limit 30) b) as brands,
    (select coalesce(json_agg(f), '[]') from (
       select c.slug, c.names, count(*)::int as count from base join categories c on c.id = base.category_id
       where brand_ok group by c.slug, c.names order by count desc, c.slug limit 50) f) as categories,
    (select min(price_amount) from hits) as price_min,
    (select max(price_amount) from hits) as price_max,
    (select count(*)::int from hits where in_stock) as in_stock,
    ${attributes} as attributes`;
}

/** Facet columns as the API's numbers. */
export function toFacets(row: FacetColumns | undefined): SearchFacets {
  return {
    total: row?.total ?? 0,
    brands: row?.brands ?? [],
    categories: row?.categories ?? [],
    price: {
      min: row?.price_min == null ? null : Number(row.price_min),
      max: row?.price_max == null ? null : Number(row.price_max),
    },
    inStock: row?.in_stock ?? 0,
    attributes: row?.attributes ?? [],
  };
}

function listingOrder(db: Queryable, q: ProductQuery): Fragment {
  switch (q.sort ?? 'newest') {
    case 'price_asc':
      return db`p.price_amount asc, p.id`;
    case 'price_desc':
      return db`p.price_amount desc, p.id`;
    case 'rating':
      return db`p.rating desc nulls last, p.id`;
    case 'newest':
      return db`p.created_at desc, p.id`;
    case 'popularity':
    case 'relevance':
      // Without a text query, relevance means what sells.
      return db`p.popularity desc, p.created_at desc, p.id`;
  }
}

/**
 * One page of the listing without a text query: an index scan in the sort's order (created_at,
 * popularity or price indexes), so its cost does not grow with the catalog.
 */
export async function listingPage(db: Queryable, q: ProductQuery): Promise<ProductRow[]> {
  return db<ProductRow[]>`
    with ${categoryTree(db, q)}
    select ${PAGE_COLUMNS(db)}
    from products p left join categories c on c.id = p.category_id
    where ${commonFilters(db, q)} and ${brandOk(db, q)} and ${categoryOk(db, q)}
    order by ${listingOrder(db, q)} limit ${q.limit} offset ${(q.page - 1) * q.limit}`;
}

/**
 * The facets of the listing without a text query: one pass over every product the filters keep (the
 * whole catalog when there are none), so callers cache it; it does not depend on the page or the sort.
 * Attribute counts come once the listing is narrowed (category, brand, seller or attribute): over the
 * whole catalog they mix every kind of product, and leaving them out lets the pass read only the
 * covering index `products_facets_idx`.
 */
export async function listingFacets(db: Queryable, q: ProductQuery): Promise<SearchFacets> {
  const narrowed = Boolean(q.category || q.brand || q.seller || q.attr);
  const [row] = await db<FacetColumns[]>`
    with ${categoryTree(db, q)}, base as materialized (
      select p.brand, p.category_id, p.price_amount, p.in_stock ${narrowed ? db`, p.attributes` : db``},
             ${brandOk(db, q)} as brand_ok, ${categoryOk(db, q)} as category_ok
      from products p where ${commonFilters(db, q)}
    ), hits as (select * from base where brand_ok and category_ok)
    select ${facetColumns(db, narrowed)}`;
  return toFacets(row);
}

/**
 * Listed products after `after` in id order (the primary key: each page costs the same however deep),
 * with their popularity: the catalog export another service reads whole.
 */
export async function exportPage(
  db: Queryable,
  after: string | undefined,
  limit: number,
): Promise<Array<ProductRow & { popularity: number }>> {
  return db<Array<ProductRow & { popularity: number }>>`
    select ${PAGE_COLUMNS(db)}, p.popularity::float8 as popularity
    from products p left join categories c on c.id = p.category_id
    where p.status = 'active' and p.hidden_at is null
      and ${after === undefined ? db`true` : db`p.id > ${after}::uuid`}
    order by p.id limit ${limit}`;
}
