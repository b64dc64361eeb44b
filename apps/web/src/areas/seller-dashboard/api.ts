/** The seller dashboard's series: sales from orders, settlements and payouts from payment (own only). */
import type { PayoutSeries, SalesSeries } from '@sauda/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const sellerDashboardQueries = {
  sales: (days: number) =>
    queryOptions({
      queryKey: ['seller-dashboard', 'sales', days],
      queryFn: ({ signal }) => api.get<SalesSeries>(`/seller/orders/stats?days=${days}`, { signal }),
      placeholderData: keepPreviousData,
    }),
  money: (days: number) =>
    queryOptions({
      queryKey: ['seller-dashboard', 'money', days],
      queryFn: ({ signal }) => api.get<PayoutSeries>(`/payment/seller/stats?days=${days}`, { signal }),
      placeholderData: keepPreviousData,
    }),
};
