/** `orders.order.confirmed.v1` → reserved becomes committed, and each depot gets a pick task. */
import { OrderLinesShort, type EventData, type OrderConfirmed } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import {
  lockReservation,
  moveReservation,
  orderReservationLines,
  type ReservationLineRow,
  type ReservationRow,
} from '../data/reservations-repo.ts';
import { applyMovements } from '../levels/movement.ts';
import { openPickTasks } from '../picking/open-pick-tasks.ts';

/** Thrown while the placement has not been handled yet: the consumer retries the confirmation later. */
export class ReservationNotYetKnown extends Error {}

/** The outcome, for callers and tests. */
export type CommitOutcome = 'committed' | 'already-committed' | 'short' | 'ignored';

/**
 * Commits an active reservation. An expired one is reserved again in the same depots if the units are
 * still there; otherwise `stock.order.short.v1` tells `orders` that nothing can ship.
 */
export async function commitReservation(
  tx: Tx,
  confirmed: EventData<typeof OrderConfirmed>,
): Promise<CommitOutcome> {
  // The lines are read behind the lock in the same round trip: statements run in the order sent.
  const [reservation, lines] = await Promise.all([
    lockReservation(tx, confirmed.orderId),
    orderReservationLines(tx, confirmed.orderId),
  ]);
  if (!reservation) throw new ReservationNotYetKnown(`order ${confirmed.orderId} has no reservation yet`);
  if (reservation.status === 'committed') return 'already-committed';
  if (reservation.status === 'expired') {
    if (!(await reserveAgain(tx, reservation, lines))) {
      await appendEvent(tx, OrderLinesShort, {
        orderId: reservation.order_id,
        lines: lines.map((line) => ({
          lineId: line.line_id,
          variantId: line.variant_id,
          missing: line.quantity,
        })),
        reason: 'expired',
        reportedAt: new Date().toISOString(),
      });
      return 'short';
    }
  } else if (reservation.status !== 'active') {
    return 'ignored'; // rejected, released or cancelled: there is nothing to commit
  }
  // One round trip: when the levels refuse, the throw rolls the status and the tasks back with them.
  const [committed] = await Promise.all([
    applyMovements(
      tx,
      lines.map((line) => ({
        variantId: line.variant_id,
        depotId: line.depot_id,
        kind: 'commit' as const,
        delta: { reserved: -line.quantity, committed: line.quantity },
        ref: `order:${reservation.order_id}`,
      })),
    ),
    moveReservation(tx, reservation.id, ['active', 'expired'], 'committed'),
    openPickTasks(tx, reservation, lines),
  ]);
  if (!committed) throw new Error(`reservation of order ${reservation.order_id} is not held by its levels`);
  return 'committed';
}

/** Reserves an expired reservation's lines again, all or none (one statement: nothing to undo when refused). */
async function reserveAgain(
  tx: Tx,
  reservation: ReservationRow,
  lines: readonly ReservationLineRow[],
): Promise<boolean> {
  return applyMovements(
    tx,
    lines.map((line) => ({
      variantId: line.variant_id,
      depotId: line.depot_id,
      kind: 'reservation' as const,
      delta: { reserved: line.quantity },
      reason: 'confirmed after expiry',
      ref: `order:${reservation.order_id}`,
    })),
  );
}
