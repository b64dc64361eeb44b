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
  /** The crossed-out price (regular price during a sale, or the seller's compare-at price). */
  compareAt?: Money | null;
  category?: { id: string; slug: string; name: string } | null;
}

/** A product as its own page shows it. */
export interface ProductDetail extends Product {
  attributes?: Record<string, string>;
  variants?: Array<{
    id: string;
    sku: string;
    options: Record<string, string>;
    price: Money;
    compareAt: Money | null;
  }>;
  images?: Array<{ id: string; url: string; thumbUrl: string; width: number; height: number; alt: string }>;
}

/** One facet value with the number of matching products. */
export interface FacetValue {
  value: string;
  count: number;
  /** The value as people read it (a category's name in the reader's language). */
  label?: string;
}

/** The answer of GET /api/products. */
export interface ProductPage {
  items: Product[];
  total: number;
  facets: { brands?: FacetValue[]; categories?: FacetValue[] };
}

/** The sort orders the catalog offers; '' is the server's default (relevance). */
export const SORTS = ['', 'price_asc', 'price_desc', 'newest', 'rating', 'popularity'] as const;
export type Sort = (typeof SORTS)[number];

/** The catalog query, as it also appears in the page URL. */
export interface ProductQuery {
  q: string;
  category: string;
  minPrice: string;
  maxPrice: string;
  brand?: string;
  minRating?: string;
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
