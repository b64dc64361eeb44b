/** The operations view, from the gateway (`GET /api/admin/operations`), refreshed every few seconds. */
import type { OperationsReport } from '@sauda/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type { OperationsReport, ServiceOperations } from '@sauda/contracts';

/** How often the page asks again; the gateway computes rates over the time between two asks. */
export const REFRESH_MS = 3000;

export const operationsQuery = queryOptions({
  queryKey: ['admin-operations'],
  queryFn: ({ signal }) => api.get<OperationsReport>('/admin/operations', { signal }),
  refetchInterval: REFRESH_MS,
  // A hidden tab stops asking; the history lives in the gateway, so nothing is lost meanwhile.
  refetchIntervalInBackground: false,
});
