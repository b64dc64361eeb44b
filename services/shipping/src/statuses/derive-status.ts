/**
 * A shipment's current status, derived from its whole log (issue 6): not "last event wins". Events that
 * arrive late, twice or out of order leave the same status, because the answer depends only on the set of
 * events, ordered by rank first and by when they happened second.
 */
import type { ShipmentStatus } from '@sauda/contracts';

/** What derivation reads of a log entry. */
export interface StatusEvent {
  id: string;
  status: ShipmentStatus | null;
  occurredAt: Date;
}

/** Final states, by precedence: a parcel found after being declared lost and then delivered is delivered. */
export const TERMINAL: Partial<Record<ShipmentStatus, number>> = {
  delivered: 4,
  returned_to_sender: 3,
  lost: 2,
  cancelled: 1,
};

/**
 * Progress of the other states. Equal ranks form a cycle where the latest wins (another attempt after a
 * failed one); `exception` has no rank: it holds only while nothing happened after it.
 */
export const RANK: Partial<Record<ShipmentStatus, number>> = {
  label_created: 0,
  accepted: 1,
  in_transit: 2,
  out_for_delivery: 3,
  delivery_failed: 3,
  available_for_pickup: 3,
  return_initiated: 4,
  return_in_transit: 5,
};

/** True for the states nothing but a higher final state can leave. */
export const isTerminal = (status: ShipmentStatus): boolean => TERMINAL[status] !== undefined;

const ORDER: ShipmentStatus[] = [
  'label_created',
  'accepted',
  'in_transit',
  'out_for_delivery',
  'delivery_failed',
  'available_for_pickup',
  'delivered',
  'exception',
  'return_initiated',
  'return_in_transit',
  'returned_to_sender',
  'cancelled',
  'lost',
];

type Decided = StatusEvent & { status: ShipmentStatus };

/** Later first; equal times by a fixed order of statuses, then by id, so the result never depends on input order. */
function later(a: Decided, b: Decided): boolean {
  const dt = a.occurredAt.getTime() - b.occurredAt.getTime();
  if (dt !== 0) return dt > 0;
  const ds = ORDER.indexOf(a.status) - ORDER.indexOf(b.status);
  if (ds !== 0) return ds > 0;
  return a.id > b.id;
}

function pick(events: Decided[], better: (a: Decided, b: Decided) => boolean): Decided | null {
  let best: Decided | null = null;
  for (const event of events) if (best === null || better(event, best)) best = event;
  return best;
}

/** The deciding event of a log (its status is the shipment's), or null for a log that implies none. */
export function deriveStatus(log: readonly StatusEvent[]): Decided | null {
  const decided = log.filter((event): event is Decided => event.status !== null);
  const terminal = pick(
    decided.filter((event) => isTerminal(event.status)),
    (a, b) => {
      const dp = (TERMINAL[a.status] ?? 0) - (TERMINAL[b.status] ?? 0);
      return dp !== 0 ? dp > 0 : !later(a, b); // the first time a final state was reached
    },
  );
  if (terminal) return terminal;
  const progress = pick(
    decided.filter((event) => RANK[event.status] !== undefined),
    (a, b) => {
      const dr = (RANK[a.status] ?? 0) - (RANK[b.status] ?? 0);
      return dr !== 0 ? dr > 0 : later(a, b);
    },
  );
  const exception = pick(
    decided.filter((event) => event.status === 'exception'),
    later,
  );
  if (exception && (progress === null || later(exception, progress))) return exception;
  return progress;
}
