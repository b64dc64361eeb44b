/**
 * A warehouseman finds fewer units on the shelf than the line needs. The missing units leave the books
 * of this depot; another depot that has them takes the line over (re-allocation), or `orders` is told the
 * units cannot ship (partial cancel).
 */
import { OrderLinesShort, type PickTask } from '@sauda/contracts';
import { appendEvent, withTransaction, type Db, type Principal, type Tx } from '@sauda/kit';
import { loadTask, lockOpenTask, settleTaskStatus } from '../data/tasks-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';
import { InvalidShortage, LineNotFound } from '../errors.ts';
import { checkLowStock } from '../levels/check-low-stock.ts';
import { applyMovement } from '../levels/movement.ts';
import { distanceKm } from '../reservations/allocate.ts';
import { addToTask } from './open-pick-tasks.ts';

interface LineRow {
  variant_id: string;
  sku: string;
  title: string;
  quantity: number;
  picked: number;
}

/** What happened to the missing units. */
export interface ShortageResult {
  task: PickTask;
  missing: number;
  /** The depot that took the missing units over, or null when they were reported short to `orders`. */
  reallocatedTo: string | null;
}

/** Records a shortage: `found` is how many units of the line exist here in total. */
export async function reportShortage(
  db: Db,
  caller: Principal,
  taskId: string,
  lineId: string,
  found: number,
): Promise<ShortageResult> {
  const depotId = await staffDepot(db, caller);
  const outcome = await withTransaction(db, async (tx) => {
    const task = await lockOpenTask(tx, depotId, taskId);
    const [line] = await tx<LineRow[]>`
      select variant_id, sku, title, quantity, picked from pick_lines where task_id = ${taskId} and line_id = ${lineId}`;
    if (!line) throw new LineNotFound();
    if (found >= line.quantity || found < line.picked)
      throw new InvalidShortage(`found must be between ${line.picked} and ${line.quantity - 1}`);
    const missing = line.quantity - found;
    await tx`update pick_lines set quantity = ${found}, short = short + ${missing}
             where task_id = ${taskId} and line_id = ${lineId}`;
    // The units do not exist: they leave on hand and stop being committed here, in one ledger row.
    const written = await applyMovement(tx, {
      variantId: line.variant_id,
      depotId,
      kind: 'shortage',
      delta: { onHand: -missing, committed: -missing },
      reason: 'not found while picking',
      ref: `order:${task.order_id}`,
      actorId: caller.id,
    });
    if (!written) throw new Error(`task ${taskId}: the level does not hold the committed units`);
    await settleTaskStatus(tx, taskId);
    const reallocatedTo = await reallocate(tx, task.order_id, depotId, lineId, line, missing);
    if (!reallocatedTo) {
      await appendEvent(tx, OrderLinesShort, {
        orderId: task.order_id,
        lines: [{ lineId, variantId: line.variant_id, missing }],
        reason: 'shortage',
        reportedAt: new Date().toISOString(),
      });
    }
    await checkLowStock(tx, [line.variant_id]);
    return { missing, reallocatedTo };
  });
  return { task: await loadTask(db, depotId, taskId), ...outcome };
}

/** Commits the missing units in the nearest other open depot that has them all; its task gets the line. */
async function reallocate(
  tx: Tx,
  orderId: string,
  fromDepot: string,
  lineId: string,
  line: LineRow,
  missing: number,
): Promise<string | null> {
  const [order] = await tx<{ order_number: string; lat: number | null; lng: number | null }[]>`
    select order_number, (shipping_address->>'lat')::float8 as lat, (shipping_address->>'lng')::float8 as lng
    from reservations where order_id = ${orderId}`;
  const candidates = await tx<{ id: string; lat: number; lng: number }[]>`
    select d.id, d.lat, d.lng from depots d
    join stock_levels l on l.depot_id = d.id and l.variant_id = ${line.variant_id}
    where d.active and d.id <> ${fromDepot}
      and l.on_hand - l.reserved - l.committed - l.unavailable >= ${missing}
      and not exists (select 1 from pick_tasks t where t.order_id = ${orderId} and t.depot_id = d.id
                      and t.status in ('packed', 'cancelled'))`;
  const destination = { lat: order?.lat ?? 0, lng: order?.lng ?? 0 };
  candidates.sort((a, b) => distanceKm(a, destination) - distanceKm(b, destination));
  for (const depot of candidates) {
    const taken = await applyMovement(tx, {
      variantId: line.variant_id,
      depotId: depot.id,
      kind: 'commit',
      delta: { committed: missing },
      reason: 'taken over after a shortage',
      ref: `order:${orderId}`,
    });
    if (!taken) continue; // another order took the units since the read; try the next depot
    const taskId = await addToTask(
      tx,
      { orderId, orderNumber: order?.order_number ?? '', depotId: depot.id },
      [{ ...line, line_id: lineId, quantity: missing }],
    );
    await settleTaskStatus(tx, taskId);
    await checkLowStock(tx, [line.variant_id]);
    return depot.id;
  }
  return null;
}
