/**
 * SQL for a text search: the page and its facets in one statement over the matching rows, found through
 * indexes only. Full text (GIN on the stored tsvector, English, Russian and simple configurations) first;
 * trigram word similarity (GIN on the names, `<%`) only as the fallback for a typo, when full text finds
 * almost nothing — computing it for every row was the seq scan that made search slow (issue 12).
 */
import type { ProductQuery } from '@sauda/contracts';
import { withTransaction, type Db, type Queryable } from '@sauda/kit';
import type { Fragment } from 'postgres';
import type { ProductRow } from './products-repo.ts';
import {
  brandOk,
  categoryOk,
  categoryTree,
  commonFilters,
  facetColumns,
  PAGE_COLUMNS,
  toFacets,
  type FacetColumns,
  type SearchFacets,
} from './search-repo.ts';

// 0.4 accepts one swapped or missing letter in a word of six or more ("samsnug", "iphnoe").
const TYPO_SIMILARITY = 0.4;
/** Below this many full-text hits the typo fallback runs (a rare word still gets its own hits first). */
export const FEW_HITS = 5;
/** Trigrams of shorter queries are too few to mean anything. */
const MIN_FUZZY_LENGTH = 4;

/** The names in every language as the trigram index `products_names_trgm_idx` stores them. */
const NAMES = (db: Queryable): Fragment =>
  db`lower(p.title || ' ' || coalesce(p.translations #>> '{ru,title}', '') || ' ' || coalesce(p.translations #>> '{kk,title}', ''))`;

export interface TextSearchResult {
  rows: ProductRow[];
  facets: SearchFacets;
}

/** Searches by text; falls back to typo-tolerant matching when full text finds fewer than FEW_HITS. */
export async function textSearch(db: Db, q: ProductQuery & { q: string }): Promise<TextSearchResult> {
  const exact = await searchStatement(db, q, false);
  if (exact.facets.total >= FEW_HITS || q.q.length < MIN_FUZZY_LENGTH) return exact;
  // `<%` reads its threshold from a setting; `set_config(…, true)` keeps it to this transaction.
  return withTransaction(db, async (tx) => {
    await tx`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true)`;
    return searchStatement(tx, q, true);
  });
}

function relevance(db: Queryable, q: ProductQuery & { q: string }, fuzzy: boolean): Fragment {
  // Text relevance first, a little popularity so equally good matches favour what sells.
  const text = fuzzy
    ? db`ts_rank_cd(p.search, query.tsq) + word_similarity(lower(${q.q}), ${NAMES(db)})`
    : db`ts_rank_cd(p.search, query.tsq)`;
  return db`${text} + ln(1 + p.popularity) * 0.05`;
}

function hitOrder(db: Queryable, q: ProductQuery): Fragment {
  switch (q.sort ?? 'relevance') {
    case 'price_asc':
      return db`price_amount asc, id`;
    case 'price_desc':
      return db`price_amount desc, id`;
    case 'rating':
      return db`rating desc nulls last, id`;
    case 'newest':
      return db`created_at desc, id`;
    case 'popularity':
      return db`popularity desc, created_at desc, id`;
    case 'relevance':
      return db`score desc, id`;
  }
}

async function searchStatement(
  db: Queryable,
  q: ProductQuery & { q: string },
  fuzzy: boolean,
): Promise<TextSearchResult> {
  // Both branches are index conditions; with `or` the planner combines the two bitmaps.
  const match = fuzzy
    ? db`(p.search @@ query.tsq or lower(${q.q}) <% ${NAMES(db)})`
    : db`p.search @@ query.tsq`;
  const [row] = await db<(FacetColumns & { items: ProductRow[] })[]>`
    with query as (
      select websearch_to_tsquery('simple', ${q.q}) || websearch_to_tsquery('english', ${q.q})
             || websearch_to_tsquery('russian', ${q.q}) as tsq
    ), ${categoryTree(db, q)}, base as materialized (
      select p.id, p.brand, p.category_id, p.price_amount, p.in_stock, p.attributes, p.rating, p.popularity,
             p.created_at, ${brandOk(db, q)} as brand_ok, ${categoryOk(db, q)} as category_ok,
             ${relevance(db, q, fuzzy)} as score
      from products p, query where ${commonFilters(db, q, match)}
    ), hits as (select * from base where brand_ok and category_ok),
    top as (
      select id, row_number() over (order by ${hitOrder(db, q)}) as position
      from hits order by ${hitOrder(db, q)} limit ${q.limit} offset ${(q.page - 1) * q.limit}
    )
    select ${facetColumns(db)},
      (select coalesce(json_agg(page order by page.position), '[]') from (
         select ${PAGE_COLUMNS(db)}, top.position
         from top join products p on p.id = top.id left join categories c on c.id = p.category_id) page) as items`;
  return { rows: row?.items ?? [], facets: toFacets(row) };
}
