/** The dispatching service's API as the dispatcher's board and fleet pages call it. */
import type {
  DispatchBoard,
  Driver,
  DriverChanges,
  LiveFrame,
  Round,
  SortingCentre,
  Stop,
  Vehicle,
  VehicleChanges,
  NewVehicle,
} from '@sauda/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { API_BASE } from '../../api/http.ts';
import { getAccessToken } from '../../api/session.ts';

export type { DispatchBoard, Driver, LiveFrame, Round, SortingCentre, Stop, Vehicle };

const items = <T>(path: string) => api.get<{ items: T[] }>(path).then((answer) => answer.items);

/** Query definitions, keyed so a mutation can refresh what it changed. */
export const dispatchQueries = {
  centres: () =>
    queryOptions({
      queryKey: ['dispatch', 'centres'],
      queryFn: () => items<SortingCentre>('/dispatch/centres'),
      staleTime: 5 * 60_000,
    }),
  board: (centreId: string, date: string) =>
    queryOptions({
      queryKey: ['dispatch', 'board', centreId, date],
      queryFn: () => api.get<DispatchBoard>(`/dispatch/board?centreId=${centreId}&date=${date}`),
      enabled: centreId !== '',
      refetchInterval: 30_000, // new parcels arrive at the centre during the morning
    }),
  vehicles: (centreId?: string) =>
    queryOptions({
      queryKey: ['dispatch', 'vehicles', centreId ?? 'all'],
      queryFn: () => items<Vehicle>(`/dispatch/vehicles${centreId ? `?centreId=${centreId}` : ''}`),
    }),
  drivers: (centreId?: string) =>
    queryOptions({
      queryKey: ['dispatch', 'drivers', centreId ?? 'all'],
      queryFn: () => items<Driver>(`/dispatch/drivers${centreId ? `?centreId=${centreId}` : ''}`),
    }),
};

/** The board's commands; each answers the new board. */
export const dispatchCommands = {
  plan: (centreId: string, date: string, budgetMs: number) =>
    api.post<DispatchBoard>('/dispatch/plan', { centreId, date, budgetMs }),
  move: (stopId: string, roundId: string | null, position?: number) =>
    api.post<DispatchBoard>(`/dispatch/stops/${stopId}/move`, {
      roundId,
      ...(position === undefined ? {} : { position }),
    }),
  lock: (stopId: string, locked: boolean) => api.put<Stop>(`/dispatch/stops/${stopId}/lock`, { locked }),
  publish: (centreId: string, date: string) =>
    api.post<DispatchBoard>('/dispatch/publish', { centreId, date }),
  cancel: (roundId: string) => api.post<DispatchBoard>(`/dispatch/rounds/${roundId}/cancel`),
  addVehicle: (vehicle: NewVehicle) => api.post<Vehicle>('/dispatch/vehicles', vehicle),
  changeVehicle: (id: string, changes: VehicleChanges) =>
    api.patch<Vehicle>(`/dispatch/vehicles/${id}`, changes),
  changeDriver: (id: string, changes: DriverChanges) => api.patch<Driver>(`/dispatch/drivers/${id}`, changes),
};

/**
 * Follows the live feed (server-sent events) with the bearer token, which EventSource cannot send; calls
 * `onFrame` per frame and reconnects after a drop until `signal` aborts.
 */
export async function followLive(
  centreId: string,
  date: string,
  onFrame: (frame: LiveFrame) => void,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    try {
      const token = await getAccessToken();
      const response = await fetch(`${API_BASE}/dispatch/live?centreId=${centreId}&date=${date}`, {
        headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        signal,
      });
      const reader = response.body?.getReader();
      if (!response.ok || !reader) throw new Error(`live feed answered ${response.status}`);
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const data = /^data: (.*)$/m.exec(buffer.slice(0, end))?.[1];
          if (data) onFrame(JSON.parse(data) as LiveFrame);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // A dropped feed (network, restart, token expiry) is reopened after a pause; aborting ends the loop.
    }
    if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}
