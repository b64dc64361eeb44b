/**
 * Fault flags (ADR 0007) from the gateway: `GET/PUT/DELETE /api/admin/faults`, admins only, dev and test
 * runs only — a production gateway answers 404 and the panel stays hidden.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';

/** The switchable flags of one service (the gateway's `FaultFlags` schema in packages/kit). */
export interface FaultFlags {
  failPercent: number;
  latencyMs: number;
  unreachable: boolean;
}

/** One service's flags as the gateway reports them (its `FaultState` schema). */
export interface FaultState extends FaultFlags {
  service: string;
  active: boolean;
  version: number;
  updatedAt: string | null;
  /** Instances that polled lately. */
  instances: number;
  /** Every instance applies the current flags. */
  applied: boolean;
}

export const NO_FAULTS: FaultFlags = { failPercent: 0, latencyMs: 0, unreachable: false };

export const faultsQuery = queryOptions({
  queryKey: ['admin-operations', 'faults'],
  queryFn: async ({ signal }) => {
    try {
      return await api.get<{ services: FaultState[] }>('/admin/faults', { signal });
    } catch (error) {
      // Not a dev or test run: the gateway has no fault flags at all.
      if (error instanceof ApiError && error.status === 404) return { services: [] as FaultState[] };
      throw error;
    }
  },
  refetchInterval: 3000,
  refetchIntervalInBackground: false,
});

export const faultCommands = {
  set: (service: string, flags: FaultFlags) =>
    api.put<FaultState>(`/admin/faults/${encodeURIComponent(service)}`, flags),
  clear: () => api.delete<{ services: FaultState[] }>('/admin/faults'),
};
