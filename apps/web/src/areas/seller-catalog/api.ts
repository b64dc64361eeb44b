/** The seller catalog's calls to `shop` (through the gateway), and the shapes it answers with. */
import { api } from '../../api/client.ts';
import type { Money } from '../../api/types.ts';

export type ProductStatus = 'draft' | 'active' | 'archived';

/** A variant as the product answer carries it. */
export interface Variant {
  id: string;
  sku: string;
  options: Record<string, string>;
  price: Money;
  compareAt: Money | null;
  regularPrice: Money;
  regularCompareAt?: Money | null;
  sale: { amount: number; startsAt: string; endsAt: string | null } | null;
  weightGrams: number;
}

/** A gallery image. */
export interface Image {
  id: string;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  alt: string;
}

export interface Translation {
  title: string;
  description: string;
}

/** A product as the seller manages it. */
export interface SellerProduct {
  id: string;
  slug: string;
  title: string;
  description: string;
  brand: string | null;
  category: { id: string; slug: string; name: string } | null;
  price: Money;
  compareAt?: Money | null;
  status: ProductStatus;
  imageUrl: string | null;
  attributes: Record<string, string>;
  createdAt: string;
  variants?: Variant[];
  images?: Image[];
  translations?: { ru?: Translation; kk?: Translation };
  moderation?: { reason: string; hiddenAt: string } | null;
}

/** A variant as the editor sends it (prices in minor units). */
export interface VariantInput {
  id?: string;
  sku: string;
  options: Record<string, string>;
  price: number;
  compareAt: number | null;
  sale: { amount: number; startsAt: string; endsAt: string | null } | null;
  weightGrams: number;
}

/** What the editor saves. */
export interface ProductInput {
  title: string;
  description: string;
  brand: string | null;
  categorySlug: string | null;
  status: 'draft' | 'active';
  attributes: Record<string, string>;
  translations: { ru?: Translation; kk?: Translation };
  variants: VariantInput[];
}

export interface Category {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  path: string[];
}

/** A CSV import and its report. */
export interface ImportJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  totalRows: number;
  processedRows: number;
  createdCount: number;
  errorCount: number;
  errors: Array<{ row: number; field: string; message: string }>;
  createdAt: string;
  finishedAt: string | null;
}

export const sellerCatalogApi = {
  list: (status: ProductStatus | '', page: number, signal?: AbortSignal) =>
    api.get<{ items: SellerProduct[]; total: number }>(
      `/seller/products?limit=20&page=${page}${status ? `&status=${status}` : ''}`,
      { signal },
    ),
  get: (id: string, signal?: AbortSignal) => api.get<SellerProduct>(`/seller/products/${id}`, { signal }),
  create: (input: ProductInput) => {
    const first = input.variants[0];
    const { categorySlug, brand, ...rest } = input;
    return api.post<SellerProduct>('/seller/products', {
      ...rest,
      ...(brand ? { brand } : {}),
      ...(categorySlug ? { categorySlug } : {}),
      price: { amount: first?.price ?? 0, currency: 'KZT' },
      variants: input.variants.map(({ id: _id, ...v }) => v),
    });
  },
  update: (id: string, input: ProductInput) => api.patch<SellerProduct>(`/seller/products/${id}`, input),
  archive: (id: string) => api.post<void>(`/seller/products/${id}/archive`),
  uploadImage: (id: string, file: File, alt: string) => {
    const form = new FormData();
    form.set('alt', alt);
    form.set('file', file);
    return api.post<Image>(`/seller/products/${id}/images`, form);
  },
  deleteImage: (id: string, imageId: string) => api.delete<void>(`/seller/products/${id}/images/${imageId}`),
  categories: (signal?: AbortSignal) => api.get<{ items: Category[] }>('/categories', { signal }),
  startImport: (file: File) => {
    const form = new FormData();
    form.set('file', file);
    return api.post<ImportJob>('/seller/products/imports', form);
  },
  imports: (signal?: AbortSignal) => api.get<{ items: ImportJob[] }>('/seller/products/imports', { signal }),
  importJob: (id: string, signal?: AbortSignal) =>
    api.get<ImportJob>(`/seller/products/imports/${id}`, { signal }),
};
