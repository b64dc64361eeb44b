/** Anyone searches the catalog: full text with typo tolerance, filters, facets, sort and pages. */
import type { ProductPage, ProductQuery } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { searchProducts as runSearch, toProduct } from '../data/products-repo.ts';
import { InvalidPriceRange } from '../errors.ts';

/** Answers `{ items, total, facets }` for a catalog query. */
export async function searchProducts(db: Db, query: ProductQuery, locale: string): Promise<ProductPage> {
  if (query.minPrice !== undefined && query.maxPrice !== undefined && query.minPrice > query.maxPrice) {
    throw new InvalidPriceRange();
  }
  const q = query.q?.trim() ? { ...query, q: query.q.trim() } : { ...query, q: undefined };
  const result = await runSearch(db, q);
  return {
    items: result.rows.map((row) => toProduct(row, locale)),
    total: result.total,
    page: query.page,
    limit: query.limit,
    facets: {
      brands: result.brands.map((b) => ({ value: b.value, label: b.value, count: b.count })),
      categories: result.categories.map((c) => ({
        value: c.slug,
        label: c.names[locale] ?? c.names.en ?? c.slug,
        count: c.count,
      })),
      price: result.price,
    },
  };
}
