/** The driver app's API: today's rounds (query) and actions through the offline outbox. */
import type { DeliverStop, FailStop, Round, Stop } from '@sauda/contracts';
import { queryOptions } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api, request } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { ActionQueue, type QueuedAction } from './offline-queue.ts';

export type { DeliverStop, FailStop, Round, Stop };

export const driverQueries = {
  rounds: () =>
    queryOptions({
      queryKey: ['driver', 'rounds'],
      queryFn: () => api.get<{ items: Round[] }>('/driver/rounds').then((a) => a.items),
      refetchInterval: 60_000,
      networkMode: 'offlineFirst',
    }),
};

type Listener = (event: { kind: 'sent' | 'rejected'; action: QueuedAction; error?: unknown }) => void;
const listeners = new Set<Listener>();

/** The one outbox of this browser; actions survive reloads and replay with their keys when back online. */
export const outbox = new ActionQueue({
  store: window.localStorage,
  send: (action) =>
    request(action.path, { method: 'POST', body: action.body, headers: { 'Idempotency-Key': action.key } }),
  // Status 0 is no answer at all: the network, not the server, said no.
  classify: (error) => (error instanceof ApiError && error.status !== 0 ? 'rejected' : 'offline'),
  onSent: (action) => listeners.forEach((l) => l({ kind: 'sent', action })),
  onRejected: (action, error) => listeners.forEach((l) => l({ kind: 'rejected', action, error })),
});

window.addEventListener('online', () => void outbox.flush());
setInterval(() => void outbox.flush(), 15_000);

/** Hears what the outbox did (to refresh data or tell the driver a refusal). */
export function onOutbox(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The actions waiting to be sent, re-rendering on change. */
export function usePendingActions(): QueuedAction[] {
  const raw = useSyncExternalStore(
    (fn) => outbox.subscribe(fn),
    () => window.localStorage.getItem('sauda.driver.outbox') ?? '[]',
  );
  return JSON.parse(raw) as QueuedAction[];
}

/** What a stop (or round) will be once the waiting actions reach the server. */
export function pendingStatusOf(pending: QueuedAction[], id: string): string | undefined {
  const last = [...pending].reverse().find((a) => a.path.includes(`/${id}/`));
  const verb = last?.path.split('/').pop();
  return verb === 'deliver'
    ? 'delivered'
    : verb === 'fail'
      ? 'failed'
      : verb === 'arrive'
        ? 'arrived'
        : verb === 'start'
          ? 'started'
          : undefined;
}

/** The driver's actions. */
export const driverActions = {
  start: (roundId: string) => outbox.enqueue(`/driver/rounds/${roundId}/start`, {}),
  arrive: (stopId: string, position?: DeliverStop['position']) =>
    outbox.enqueue(`/driver/stops/${stopId}/arrive`, position ? { position } : {}),
  deliver: (stopId: string, proof: DeliverStop) => outbox.enqueue(`/driver/stops/${stopId}/deliver`, proof),
  fail: (stopId: string, attempt: FailStop) => outbox.enqueue(`/driver/stops/${stopId}/fail`, attempt),
};
