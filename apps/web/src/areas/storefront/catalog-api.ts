/** Storefront reads beyond the product list: the category tree, suggestions and display exchange rates. */
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** A category with its breadcrumb path of slugs. */
export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  path: string[];
}

/** One autocomplete suggestion. */
export interface Suggestion {
  kind: 'product' | 'category' | 'brand';
  text: string;
  slug: string | null;
}

/** The category tree in the reader's language (names change with it, so the language is in the key). */
export const categoriesQuery = (language: string) =>
  queryOptions({
    queryKey: ['categories', language],
    queryFn: ({ signal }) => api.get<{ items: CategoryNode[] }>(`/categories?lang=${language}`, { signal }),
    staleTime: 5 * 60_000,
  });

/** Suggestions for what the shopper is typing (two characters or more). */
export const suggestQuery = (q: string, language: string) =>
  queryOptions({
    queryKey: ['suggest', language, q],
    queryFn: ({ signal }) =>
      api.get<{ items: Suggestion[] }>(`/products/suggest?q=${encodeURIComponent(q)}&lang=${language}`, {
        signal,
      }),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });

/** Units of each display currency per tenge, ×1e9. */
export const ratesQuery = () =>
  queryOptions({
    queryKey: ['exchange-rates'],
    queryFn: ({ signal }) =>
      api.get<{ items: Array<{ currency: string; perKztE9: number }> }>('/exchange-rates', { signal }),
    staleTime: 10 * 60_000,
  });
