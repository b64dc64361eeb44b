/** Calls of the commerce area: promo codes, gift cards, reviews and recommendations (types from the contracts). */
import type {
  GiftCard,
  GiftCardLedgerEntry,
  Money,
  NewPromo,
  ProductRecommendations,
  Promo,
  PromoPatch,
  RecommendedProduct,
  Review,
  ReviewPage,
} from '@sauda/contracts';
import { api } from '../../api/client.ts';

export type {
  GiftCard,
  GiftCardLedgerEntry,
  NewPromo,
  Promo,
  PromoPatch,
  Review,
  ReviewPage,
  RecommendedProduct,
};

/** A page of items with the total. */
export interface Page<T> {
  items: T[];
  total: number;
}

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const promosApi = {
  list: (q: string, page: number, limit: number) =>
    api.get<Page<Promo>>(`/admin/promos${query({ q, page, limit })}`),
  create: (body: NewPromo) => api.post<Promo>('/admin/promos', body),
  update: (id: string, body: PromoPatch) => api.patch<Promo>(`/admin/promos/${id}`, body),
};

export const giftCardsApi = {
  list: (q: string, page: number, limit: number) =>
    api.get<Page<GiftCard>>(`/admin/gift-cards${query({ q, page, limit })}`),
  issue: (body: { amount: Money; code?: string; expiresAt?: string | null; note?: string }) =>
    api.post<GiftCard>('/admin/gift-cards', body),
  detail: (id: string) =>
    api.get<{ card: GiftCard; ledger: GiftCardLedgerEntry[] }>(`/admin/gift-cards/${id}`),
  disable: (id: string) => api.post<GiftCard>(`/admin/gift-cards/${id}/disable`),
  redeemToWallet: (code: string, idempotencyKey: string) =>
    api.post<{ redemptionId: string; amount: Money }>(
      '/shop/gift-cards/redeem',
      { code },
      { headers: { 'Idempotency-Key': idempotencyKey } },
    ),
};

export const reviewsApi = {
  ofProduct: (productId: string, page: number) =>
    api.get<ReviewPage>(`/products/${productId}/reviews${query({ page, limit: 5 })}`),
  write: (productId: string, body: { rating: number; title?: string; body?: string }) =>
    api.post<Review>(`/products/${productId}/reviews`, body),
  ofSeller: (unanswered: boolean, page: number) =>
    api.get<Page<Review & { productTitle: string }>>(
      `/seller/reviews${query({ unanswered: unanswered ? 'true' : undefined, page, limit: 10 })}`,
    ),
  answer: (id: string, body: string) => api.put<Review>(`/seller/reviews/${id}/answer`, { body }),
  hide: (id: string, hidden: boolean, reason?: string) =>
    api.patch<Review>(`/admin/reviews/${id}`, { hidden, ...(reason ? { reason } : {}) }),
};

export const recommendationsApi = {
  ofProduct: (productId: string) => api.get<ProductRecommendations>(`/products/${productId}/recommendations`),
  forYou: () => api.get<{ items: RecommendedProduct[] }>('/shop/for-you'),
};
