/** The admin catalog's calls to `shop`: categories, moderation, exchange rates. */
import { api } from '../../api/client.ts';
import type { Category } from '../seller-catalog/api.ts';

export type { Category };
export type Names = { en: string; ru: string; kk: string };

/** A product as the moderation list shows it. */
export interface ModerationItem {
  id: string;
  slug: string;
  title: string;
  sellerName: string;
  status: string;
  imageUrl: string | null;
  hiddenReason: string | null;
  hiddenAt: string | null;
}

/** Units of a currency one tenge buys, times 1e9. */
export interface ExchangeRate {
  currency: 'USD' | 'EUR' | 'RUB';
  perKztE9: number;
  updatedAt: string;
}

export const adminCatalogApi = {
  categories: (lang: string, signal?: AbortSignal) =>
    api.get<{ items: Category[] }>(`/categories?lang=${lang}`, { signal }),
  createCategory: (input: { slug?: string; names: Names; parentId: string | null }) =>
    api.post<Category>('/admin/catalog/categories', input),
  editCategory: (id: string, input: { slug?: string; names?: Names; parentId?: string | null }) =>
    api.patch<Category>(`/admin/catalog/categories/${id}`, input),
  products: (hidden: boolean, q: string, signal?: AbortSignal) =>
    api.get<{ items: ModerationItem[] }>(
      `/admin/catalog/products?limit=50${hidden ? '&hidden=true' : ''}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      { signal },
    ),
  hide: (id: string, reason: string) => api.post<void>(`/admin/catalog/products/${id}/hide`, { reason }),
  restore: (id: string) => api.post<void>(`/admin/catalog/products/${id}/restore`),
  rates: (signal?: AbortSignal) => api.get<{ items: ExchangeRate[] }>('/exchange-rates', { signal }),
  setRate: (currency: string, perKztE9: number) =>
    api.put<ExchangeRate>(`/admin/catalog/exchange-rates/${currency}`, { perKztE9 }),
};
