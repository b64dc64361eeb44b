/** Anyone searches the catalog: full text with typo tolerance, filters, facets, sort and pages. */
import type { ProductPage, ProductQuery } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { toProduct } from '../data/products-repo.ts';
import { searchFacets, searchPage, type SearchFacets } from '../data/search-repo.ts';
import { InvalidPriceRange } from '../errors.ts';

/** Reuses facets computed for the same filters (key), or computes them (load). */
export type FacetSource = (key: string, load: () => Promise<SearchFacets>) => Promise<SearchFacets>;

const fresh: FacetSource = (_key, load) => load();

/**
 * Answers `{ items, total, facets }`. The page is always read fresh; the facets (and total) depend only
 * on the filters, so `facets` may serve them from a cache shared by every page and sort of a listing.
 */
export async function searchProducts(
  db: Db,
  query: ProductQuery,
  locale: string,
  facets: FacetSource = fresh,
): Promise<ProductPage> {
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    throw new InvalidPriceRange();
  }
  const q = query.q?.trim() ? { ...query, q: query.q.trim() } : { ...query, q: undefined };
  const { page: _page, limit: _limit, sort: _sort, ...filters } = q;
  const [rows, counts] = await Promise.all([
    searchPage(db, q),
    facets(JSON.stringify(filters), () => searchFacets(db, q)),
  ]);
  return {
    items: rows.map((row) => toProduct(row, locale)),
    total: counts.total,
    page: query.page,
    limit: query.limit,
    facets: {
      brands: counts.brands.map((b) => ({ value: b.value, label: b.value, count: b.count })),
      categories: counts.categories.map((c) => ({
        value: c.slug,
        label: c.names[locale] ?? c.names.en ?? c.slug,
        count: c.count,
      })),
      price: counts.price,
    },
  };
}
