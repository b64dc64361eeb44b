/**
 * Which orders changed, pushed by PostgreSQL: one `LISTEN orders_changed` per process (per pool), fanned out
 * to the subscribers of each order (the live order streams). The `orders_changed` trigger notifies on commit.
 */
import type { Db } from '@sauda/kit';

/** One subscriber's view: wait for the next change of its order (or a timeout), then look again. */
export interface OrderSubscription {
  /** Resolves at the next change, at once if one came since the last call, or after `timeoutMs` anyway. */
  next(timeoutMs: number): Promise<'changed' | 'timeout'>;
  close(): void;
}

/** The fan-out of one pool's notifications. */
export interface OrderChanges {
  subscribe(orderId: string): OrderSubscription;
  /** Subscribers now (for tests and metrics). */
  size(): number;
}

interface Waiter {
  dirty: boolean;
  wake?: (() => void) | undefined;
}

const hubs = new WeakMap<Db, OrderChanges>();

/** The process-wide hub of `db`: the listener starts with the first subscriber and stays for the pool's life. */
export function orderChanges(db: Db): OrderChanges {
  let hub = hubs.get(db);
  if (!hub) {
    hub = createHub(db);
    hubs.set(db, hub);
  }
  return hub;
}

function createHub(db: Db): OrderChanges {
  const waiters = new Map<string, Set<Waiter>>();
  let listening: Promise<unknown> | undefined;
  const signal = (orderId: string) => {
    for (const waiter of waiters.get(orderId) ?? []) {
      waiter.dirty = true;
      waiter.wake?.();
    }
  };
  const listen = () => {
    listening ??= db.listen('orders_changed', signal).catch(() => {
      // The database is away: subscribers fall back to their slow poll; the next subscriber tries again.
      listening = undefined;
    });
  };
  return {
    subscribe(orderId) {
      listen();
      const waiter: Waiter = { dirty: false };
      const set = waiters.get(orderId) ?? new Set<Waiter>();
      set.add(waiter);
      waiters.set(orderId, set);
      return {
        async next(timeoutMs) {
          if (waiter.dirty) {
            waiter.dirty = false;
            return 'changed';
          }
          const outcome = await new Promise<'changed' | 'timeout'>((resolve) => {
            const timer = setTimeout(() => resolve('timeout'), timeoutMs);
            waiter.wake = () => {
              clearTimeout(timer);
              resolve('changed');
            };
          });
          waiter.wake = undefined;
          waiter.dirty = false;
          return outcome;
        },
        close() {
          waiter.wake?.();
          set.delete(waiter);
          if (set.size === 0 && waiters.get(orderId) === set) waiters.delete(orderId);
        },
      };
    },
    size: () => [...waiters.values()].reduce((sum, set) => sum + set.size, 0),
  };
}
