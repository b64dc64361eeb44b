/** The admin's order and return calls, through the gateway's /api/admin (types from the contracts). */
import type {
  AdminOrder,
  CancelOrder,
  OrderStatus,
  OrderSummary,
  ReturnRequest,
  ReturnStatus,
} from '@sauda/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../orders/api.ts';

export type { AdminOrder } from '@sauda/contracts';

/** The admin's search: text (order number or customer email), status, seller, placed between. */
export interface AdminOrderSearch {
  q: string;
  status: OrderStatus | '';
  sellerId: string;
  from: string;
  to: string;
  page: number;
}

export const ADMIN_PER_PAGE = 20;

/** The search as query parameters, empty ones left out. */
export function searchParams(search: AdminOrderSearch): string {
  const params = new URLSearchParams();
  for (const name of ['q', 'status', 'sellerId', 'from', 'to'] as const) {
    const value = search[name].trim();
    if (value) params.set(name, value);
  }
  params.set('page', String(search.page));
  params.set('limit', String(ADMIN_PER_PAGE));
  return params.toString();
}

export const adminQueries = {
  list: (search: AdminOrderSearch) =>
    queryOptions({
      queryKey: ['admin-orders', 'list', search],
      queryFn: ({ signal }) =>
        api.get<Page<OrderSummary>>(`/admin/orders?${searchParams(search)}`, { signal }),
    }),
  order: (id: string) =>
    queryOptions({
      queryKey: ['admin-orders', 'detail', id],
      queryFn: ({ signal }) => api.get<AdminOrder>(`/admin/orders/${id}`, { signal }),
    }),
};

export const adminCommands = {
  cancel: (id: string, body: CancelOrder) => api.post<AdminOrder>(`/admin/orders/${id}/cancel`, body),
  returns: (status: ReturnStatus | '') =>
    api.get<Page<ReturnRequest>>(`/admin/returns${status ? `?status=${status}` : ''}`),
  approve: (id: string) => api.post<ReturnRequest>(`/admin/returns/${id}/approve`, {}),
  reject: (id: string, note: string) => api.post<ReturnRequest>(`/admin/returns/${id}/reject`, { note }),
};
