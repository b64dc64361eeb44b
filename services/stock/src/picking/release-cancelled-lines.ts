/**
 * Some units of a confirmed order were cancelled in `orders`: what stock still commits for those lines beyond
 * what is left to ship goes back on the shelf, from the pick tasks that have not packed them yet.
 */
import type { EventData, OrderLinesCancelled } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { settleTaskStatus } from '../data/tasks-repo.ts';
import { lockReservation } from '../data/reservations-repo.ts';
import { checkLowStock } from '../levels/check-low-stock.ts';
import { applyMovement } from '../levels/movement.ts';

/** The outcome, for callers and tests. */
export type LinesReleaseOutcome = { released: number } | 'nothing-held';

/** Thrown while the confirmation that commits the order has not been applied yet: the consumer retries. */
export class ConfirmationPending extends Error {
  constructor(orderId: string) {
    super(`order ${orderId}: lines cancelled before its confirmation reached stock`);
    this.name = 'ConfirmationPending';
  }
}

/**
 * Brings each line's committed, unpacked units down to its `remaining` target. A target (not a delta) makes
 * a repeat a no-op, and units stock already removed itself (a shortage it reported) are not released twice.
 */
export async function releaseCancelledLines(
  tx: Tx,
  cancelled: EventData<typeof OrderLinesCancelled>,
): Promise<LinesReleaseOutcome> {
  const reservation = await lockReservation(tx, cancelled.orderId);
  // Only a committed order has pick tasks; an active one is confirmed (or cancelled) by an event on its way.
  if (reservation?.status === 'active') throw new ConfirmationPending(cancelled.orderId);
  if (reservation?.status !== 'committed') return 'nothing-held';
  let released = 0;
  const tasks = new Set<string>();
  const variants: string[] = [];
  for (const line of cancelled.lines) {
    const rows = await tx<
      { task_id: string; depot_id: string; status: string; quantity: number; packed: number }[]
    >`
      select t.id as task_id, t.depot_id, t.status, l.quantity, l.packed
      from pick_tasks t join pick_lines l on l.task_id = t.id
      where t.order_id = ${cancelled.orderId} and l.line_id = ${line.lineId} and t.status <> 'cancelled'
      order by t.created_at desc, t.id
      for update of t`;
    let excess = rows.reduce((sum, r) => sum + r.quantity, 0) - line.remaining;
    for (const row of rows) {
      if (excess <= 0) break;
      if (row.status === 'packed') continue;
      const n = Math.min(excess, row.quantity - row.packed);
      if (n <= 0) continue;
      // Picked units not packed yet go back to the shelf with the rest.
      await tx`
        update pick_lines set quantity = quantity - ${n}, picked = least(picked, quantity - ${n})
        where task_id = ${row.task_id} and line_id = ${line.lineId}`;
      const applied = await applyMovement(tx, {
        variantId: line.variantId,
        depotId: row.depot_id,
        kind: 'release',
        delta: { committed: -n },
        reason: `order lines cancelled (${cancelled.reason})`,
        ref: `order:${cancelled.orderId}`,
      });
      if (!applied) throw new Error(`order ${cancelled.orderId}: committed units are not held by the level`);
      excess -= n;
      released += n;
      tasks.add(row.task_id);
      variants.push(line.variantId);
    }
  }
  for (const taskId of tasks) await settleTaskStatus(tx, taskId);
  if (variants.length > 0) await checkLowStock(tx, variants);
  return { released };
}
