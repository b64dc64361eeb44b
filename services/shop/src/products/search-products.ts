/** Anyone searches the catalog: full text with typo tolerance, filters, facets, sort and pages. */
import type { ProductPage, ProductQuery } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { toProduct } from '../data/products-repo.ts';
import { listingFacets, listingPage, type SearchFacets } from '../data/search-repo.ts';
import { textSearch } from '../data/text-search-repo.ts';
import { InvalidPriceRange } from '../errors.ts';

/** Reuses facets computed for the same filters (key), or computes them (load). */
export type FacetSource = (key: string, load: () => Promise<SearchFacets>) => Promise<SearchFacets>;

const fresh: FacetSource = (_key, load) => load();

/**
 * Answers `{ items, total, facets }`. A text query costs one statement over its matching rows (page and
 * facets together). Without one, the page is an index scan read fresh, and the facets — a pass over every
 * product the filters keep — come from `facets`, which may serve them from a cache shared by every page
 * and sort of a listing.
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
  const text = query.q?.trim().replace(/\s+/g, ' ');
  const q = { ...query, q: text || undefined };
  const { page: _page, limit: _limit, sort: _sort, ...filters } = q;
  const { rows, facets: counts } = text
    ? await textSearch(db, { ...q, q: text })
    : await Promise.all([
        listingPage(db, q),
        facets(JSON.stringify(filters), () => listingFacets(db, q)),
      ]).then(([page, all]) => ({ rows: page, facets: all }));
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
      inStock: counts.inStock,
      attributes: counts.attributes.map((a) => ({
        name: a.name,
        values: a.values.map((v) => ({ value: v.value, label: v.value, count: v.count })),
      })),
    },
  };
}
