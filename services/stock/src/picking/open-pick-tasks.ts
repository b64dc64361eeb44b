/** One pick task per depot for a committed reservation. */
import type { Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import type { ReservationLineRow, ReservationRow } from '../data/reservations-repo.ts';

/** Units of an order line a depot must pick. */
export type PickUnits = Pick<ReservationLineRow, 'line_id' | 'variant_id' | 'sku' | 'title' | 'quantity'>;

/** Creates each depot's task (once: unique per order and depot) with the lines it must pick; one round trip. */
export async function openPickTasks(
  tx: Tx,
  reservation: ReservationRow,
  lines: readonly ReservationLineRow[],
): Promise<void> {
  const depots = [...new Set(lines.map((line) => line.depot_id))];
  await Promise.all(
    depots.map((depotId) =>
      addToTask(
        tx,
        { orderId: reservation.order_id, orderNumber: reservation.order_number, depotId },
        lines.filter((line) => line.depot_id === depotId),
      ),
    ),
  );
}

/**
 * Adds units to the order's task in a depot, created when missing, in one statement; returns the task's id.
 * A line already on the task gets the units added (a re-allocated shortage).
 */
export async function addToTask(
  tx: Tx,
  task: { orderId: string; orderNumber: string; depotId: string },
  lines: readonly PickUnits[],
): Promise<string> {
  const column = <T>(pick: (line: PickUnits) => T) => lines.map(pick);
  // `do update` (a no-op) rather than `do nothing`: only then does `returning` give an existing task's id,
  // even one committed by another transaction after this statement's snapshot.
  const [row] = await tx<{ id: string }[]>`
    with task as (
      insert into pick_tasks (id, order_id, order_number, depot_id, status)
      values (${uuidv7()}, ${task.orderId}, ${task.orderNumber}, ${task.depotId}, 'open')
      on conflict (order_id, depot_id) do update set order_number = pick_tasks.order_number
      returning id),
    added as (
      insert into pick_lines (task_id, line_id, variant_id, sku, title, quantity)
      select task.id, l.line_id, l.variant_id, l.sku, l.title, l.quantity
      from task, unnest(${column((l) => l.line_id)}::uuid[], ${column((l) => l.variant_id)}::uuid[],
                        ${column((l) => l.sku)}::text[], ${column((l) => l.title)}::text[],
                        ${column((l) => l.quantity)}::int[]) as l (line_id, variant_id, sku, title, quantity)
      on conflict (task_id, line_id) do update set quantity = pick_lines.quantity + excluded.quantity)
    select id from task`;
  if (!row) throw new Error('pick task vanished inside its own statement');
  return row.id;
}
