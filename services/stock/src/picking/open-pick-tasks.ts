/** One pick task per depot for a committed reservation. */
import type { Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import type { ReservationLineRow, ReservationRow } from '../data/reservations-repo.ts';

/** Creates each depot's task (once: unique per order and depot) with the lines it must pick. */
export async function openPickTasks(
  tx: Tx,
  reservation: ReservationRow,
  lines: readonly ReservationLineRow[],
): Promise<void> {
  const depots = [...new Set(lines.map((line) => line.depot_id))];
  for (const depotId of depots) {
    const taskId = await ensureTask(tx, reservation.order_id, reservation.order_number, depotId);
    for (const line of lines.filter((l) => l.depot_id === depotId)) {
      await addPickLine(tx, taskId, line, line.quantity);
    }
  }
}

/** The order's task in a depot, created when missing. */
export async function ensureTask(
  tx: Tx,
  orderId: string,
  orderNumber: string,
  depotId: string,
): Promise<string> {
  await tx`
    insert into pick_tasks (id, order_id, order_number, depot_id, status)
    values (${uuidv7()}, ${orderId}, ${orderNumber}, ${depotId}, 'open')
    on conflict (order_id, depot_id) do nothing`;
  const [task] = await tx<{ id: string }[]>`
    select id from pick_tasks where order_id = ${orderId} and depot_id = ${depotId}`;
  if (!task) throw new Error('pick task vanished inside its own transaction');
  return task.id;
}

/** Adds units of a line to a task (a re-allocated shortage adds to the line if it is already there). */
export async function addPickLine(
  tx: Tx,
  taskId: string,
  line: Pick<ReservationLineRow, 'line_id' | 'variant_id' | 'sku' | 'title'>,
  quantity: number,
): Promise<void> {
  await tx`
    insert into pick_lines (task_id, line_id, variant_id, sku, title, quantity)
    values (${taskId}, ${line.line_id}, ${line.variant_id}, ${line.sku}, ${line.title}, ${quantity})
    on conflict (task_id, line_id) do update set quantity = pick_lines.quantity + excluded.quantity`;
}
