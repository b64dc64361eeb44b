/** The shipping service's public tracking API as the tracking pages and the order page call it. */
import type { TrackingEventView, TrackingView } from '@sauda/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { TrackingEventView, TrackingView };

/** S10: two letters, nine digits, two letters (spaces and dashes as people type them are dropped). */
export function normaliseNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}
export const S10_PATTERN = /^[A-Z]{2}\d{9}[A-Z]{2}$/;

/** Query definitions; the session is part of the key since the recipient sees more than the public. */
export const trackingQueries = {
  parcel: (trackingNumber: string, viewer: string | null) =>
    queryOptions({
      queryKey: ['tracking', trackingNumber, viewer],
      queryFn: () => api.get<TrackingView>(`/tracking/${encodeURIComponent(trackingNumber)}`),
      // A parcel out for delivery moves by the minute; otherwise a minute-old view is fine.
      refetchInterval: (query) => (query.state.data?.status === 'out_for_delivery' ? 30_000 : 120_000),
      retry: (count, error) =>
        count < 2 && !(error instanceof Error && 'status' in error && error.status === 404),
    }),
  order: (orderId: string) =>
    queryOptions({
      queryKey: ['tracking', 'order', orderId],
      queryFn: () =>
        api.get<{ items: TrackingView[] }>(`/shipping/orders/${orderId}/shipments`).then((a) => a.items),
    }),
};
