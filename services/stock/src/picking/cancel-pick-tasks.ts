/** A confirmed order was cancelled: its unshipped units stop being committed and its tasks close. */
import type { Tx } from '@sauda/kit';
import { checkLowStock } from '../levels/check-low-stock.ts';
import { applyMovement } from '../levels/movement.ts';

/** Releases what is committed but not packed yet, and cancels tasks that still had work left. */
export async function cancelPickTasks(tx: Tx, orderId: string): Promise<void> {
  const lines = await tx<{ task_id: string; depot_id: string; variant_id: string; open: number }[]>`
    select t.id as task_id, t.depot_id, l.variant_id, (l.quantity - l.packed) as open
    from pick_tasks t join pick_lines l on l.task_id = t.id
    where t.order_id = ${orderId} and t.status in ('open', 'picking', 'picked')
    order by l.variant_id, t.depot_id
    for update of t`;
  for (const line of lines.filter((l) => l.open > 0)) {
    const applied = await applyMovement(tx, {
      variantId: line.variant_id,
      depotId: line.depot_id,
      kind: 'release',
      delta: { committed: -line.open },
      reason: 'order cancelled before packing',
      ref: `order:${orderId}`,
    });
    if (!applied) throw new Error(`order ${orderId}: committed units are not held by the level`);
  }
  await tx`
    update pick_tasks set status = 'cancelled', updated_at = now()
    where order_id = ${orderId} and status in ('open', 'picking', 'picked')`;
  await checkLowStock(
    tx,
    lines.map((line) => line.variant_id),
  );
}
