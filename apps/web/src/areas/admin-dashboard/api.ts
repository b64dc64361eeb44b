/** The admin dashboard's series: the marketplace's orders (orders) and deliveries on time (shipping). */
import type { OnTimeSeries, SalesSeries } from '@sauda/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const adminDashboardQueries = {
  sales: (days: number) =>
    queryOptions({
      queryKey: ['admin-dashboard', 'sales', days],
      queryFn: ({ signal }) => api.get<SalesSeries>(`/admin/orders/stats?days=${days}`, { signal }),
      placeholderData: keepPreviousData,
    }),
  delivery: (days: number) =>
    queryOptions({
      queryKey: ['admin-dashboard', 'delivery', days],
      queryFn: ({ signal }) => api.get<OnTimeSeries>(`/admin/shipments/stats?days=${days}`, { signal }),
      placeholderData: keepPreviousData,
    }),
};
