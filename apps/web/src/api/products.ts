import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from './client.ts';
import type { Money } from './types.ts';

/** A product as the catalog lists it. */
export interface Product {
  id: string;
  slug: string;
  title: string;
  description: string;
  brand?: string;
  price: Money;
  sellerId: string;
  sellerName?: string;
  imageUrl?: string | null;
  rating?: number | null;
  createdAt: string;
}

/** A product as its own page shows it. */
export interface ProductDetail extends Product {
  attributes?: Record<string, string>;
}

/** One facet value with the number of matching products. */
export interface FacetValue {
  value: string;
  count: number;
}

/** The answer of GET /api/products. */
export interface ProductPage {
  items: Product[];
  total: number;
  facets: { brands?: FacetValue[]; categories?: FacetValue[] };
}

/** The sort orders the catalog offers; '' is the server's default (relevance). */
export const SORTS = ['', 'price_asc', 'price_desc', 'newest', 'rating'] as const;
export type Sort = (typeof SORTS)[number];

/** The catalog query, as it also appears in the page URL. */
export interface ProductQuery {
  q: string;
  category: string;
  minPrice: string;
  maxPrice: string;
  sort: Sort;
  page: number;
  limit: number;
}

/** TanStack Query options for one page of the catalog; the previous page stays shown while the next loads. */
export function productsQuery(query: ProductQuery) {
  return queryOptions({
    queryKey: ['products', 'list', query],
    queryFn: ({ signal }) => api.get<ProductPage>(`/products?${toSearch(query)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** TanStack Query options for one product. */
export function productQuery(id: string) {
  return queryOptions({
    queryKey: ['products', 'detail', id],
    queryFn: ({ signal }) => api.get<ProductDetail>(`/products/${encodeURIComponent(id)}`, { signal }),
  });
}

function toSearch(query: ProductQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== '' && value !== undefined) params.set(key, String(value));
  }
  return params.toString();
}
