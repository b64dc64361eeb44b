/** The shipping service's staff API: admin shipments, manual events, sites and scans. */
import type {
  ManualTrackingEvent,
  ScanRequest,
  ScanResult,
  ShipmentDetail,
  ShipmentSummary,
  ShippingSite,
} from '@sauda/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { ManualTrackingEvent, ScanResult, ShipmentDetail, ShipmentSummary, ShippingSite };

/** The list's filters as the URL holds them. */
export interface ShipmentFilters {
  status: string;
  late: boolean;
  exceptions: boolean;
  returns: boolean;
  q: string;
  page: number;
}

export const PAGE_SIZE = 20;

function query(filters: ShipmentFilters): string {
  const params = new URLSearchParams({ page: String(filters.page), limit: String(PAGE_SIZE) });
  if (filters.status) params.set('status', filters.status);
  if (filters.late) params.set('late', 'true');
  if (filters.exceptions) params.set('exceptions', 'true');
  if (filters.returns) params.set('returns', 'true');
  if (filters.q.trim()) params.set('q', filters.q.trim());
  return params.toString();
}

export const shipmentQueries = {
  list: (filters: ShipmentFilters) =>
    queryOptions({
      queryKey: ['shipments', 'list', filters],
      queryFn: () =>
        api.get<{ items: ShipmentSummary[]; total: number; page: number }>(
          `/admin/shipments?${query(filters)}`,
        ),
      placeholderData: (previous) => previous,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: ['shipments', 'detail', id],
      queryFn: () => api.get<ShipmentDetail>(`/admin/shipments/${id}`),
    }),
  sites: () =>
    queryOptions({
      queryKey: ['shipments', 'sites'],
      queryFn: () => api.get<{ items: ShippingSite[] }>('/shipping/sites').then((answer) => answer.items),
      staleTime: 10 * 60_000,
    }),
};

export const shipmentCommands = {
  logEvent: (id: string, event: ManualTrackingEvent) =>
    api.post<ShipmentDetail>(`/admin/shipments/${id}/events`, event),
  scan: (scan: ScanRequest) => api.post<ScanResult>('/shipping/scans', scan),
};
