/** The seller's order and return calls, through the gateway's /api/seller (types from the contracts). */
import type {
  CancelOrder,
  OrderLine,
  ReturnRequest,
  ReturnStatus,
  SellerOrder,
  SellerOrderStatus,
  ShippingAddressSnapshot,
} from '@sauda/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page } from '../orders/api.ts';

/** One seller order as its page shows it. */
export interface SellerOrderDetail {
  sellerOrder: SellerOrder;
  lines: OrderLine[];
  shippingAddress: ShippingAddressSnapshot;
}

export const SELLER_PER_PAGE = 20;

export const sellerQueries = {
  list: (status: SellerOrderStatus | '', page: number) =>
    queryOptions({
      queryKey: ['seller-orders', 'list', status, page],
      queryFn: ({ signal }) =>
        api.get<Page<SellerOrder>>(
          `/seller/orders?page=${page}&limit=${SELLER_PER_PAGE}${status ? `&status=${status}` : ''}`,
          { signal },
        ),
    }),
  order: (id: string) =>
    queryOptions({
      queryKey: ['seller-orders', 'detail', id],
      queryFn: ({ signal }) => api.get<SellerOrderDetail>(`/seller/orders/${id}`, { signal }),
    }),
};

export const sellerCommands = {
  cancel: (id: string, body: CancelOrder) => api.post<unknown>(`/seller/orders/${id}/cancel`, body),
  returns: (status: ReturnStatus | '') =>
    api.get<Page<ReturnRequest>>(`/seller/returns${status ? `?status=${status}` : ''}`),
  approve: (id: string) => api.post<ReturnRequest>(`/seller/returns/${id}/approve`, {}),
  reject: (id: string, note: string) => api.post<ReturnRequest>(`/seller/returns/${id}/reject`, { note }),
};
