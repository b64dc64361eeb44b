import { useCallback } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { SORTS, type ProductQuery, type Sort } from '../../api/products.ts';

/** Products per page: a full grid at 2, 3 and 4 columns. */
export const PAGE_SIZE = 24;

/** The URL parameters the catalog reads; prices are in minor units, as the API takes them. */
export type CatalogParam =
  'q' | 'category' | 'minPrice' | 'maxPrice' | 'sort' | 'page' | 'brand' | 'minRating';

const isSort = (value: string): value is Sort => (SORTS as readonly string[]).includes(value);
const minorUnits = (value: string | null) => (value && /^\d+$/.test(value) ? value : '');

/** The catalog query read from the URL, and ways to change it (which always go back to page 1). */
export function useCatalogQuery() {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  // A category page (`/c/<slug>`) takes its category from the path: readable, shareable URLs.
  const { slug } = useParams();
  const sort = params.get('sort') ?? '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);

  const query: ProductQuery = {
    q: params.get('q')?.trim() ?? '',
    category: slug ?? params.get('category') ?? '',
    brand: params.get('brand') ?? '',
    minRating: /^[0-5](\.\d)?$/.test(params.get('minRating') ?? '') ? (params.get('minRating') ?? '') : '',
    minPrice: minorUnits(params.get('minPrice')),
    maxPrice: minorUnits(params.get('maxPrice')),
    sort: isSort(sort) ? sort : '',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    limit: PAGE_SIZE,
  };

  /** The URL of the catalog with some parameters changed ('' removes one). */
  const hrefWith = useCallback(
    (changes: Partial<Record<CatalogParam, string>>) => {
      const next = new URLSearchParams(params);
      if (!('page' in changes)) next.delete('page');
      let path = pathname;
      for (const [key, value] of Object.entries(changes)) {
        if (key === 'category') {
          // Categories live in the path (`/c/<slug>`); "all categories" is the plain catalog.
          path = value ? `/c/${encodeURIComponent(value)}` : '/products';
          next.delete('category');
        } else if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!('category' in changes) && slug) path = `/c/${encodeURIComponent(slug)}`;
      const search = next.toString();
      return `${path}${search ? `?${search}` : ''}`;
    },
    [params, pathname, slug],
  );

  const update = useCallback(
    (changes: Partial<Record<CatalogParam, string>>) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        next.delete('page');
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      });
    },
    [setParams],
  );

  const hasFilters = Boolean(
    query.category || query.minPrice || query.maxPrice || query.brand || query.minRating,
  );
  return { query, hrefWith, update, hasFilters };
}
