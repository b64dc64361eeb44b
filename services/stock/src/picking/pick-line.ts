/** A warehouseman takes units of a line off the shelf (scanned or confirmed by hand). */
import type { PickTask } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { loadTask, lockOpenTask, settleTaskStatus } from '../data/tasks-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';
import { LineNotFound, QuantityTooLarge, SkuMismatch } from '../errors.ts';
import { applyMovement } from '../levels/movement.ts';

/** What the pick screen sends: how many, and the scanned barcode when a scanner was used. */
export interface PickInput {
  quantity: number;
  scannedSku?: string | undefined;
}

/** Records the pick (guarded: never more than the line needs) and returns the task. */
export async function pickLine(
  db: Db,
  caller: Principal,
  taskId: string,
  lineId: string,
  input: PickInput,
): Promise<PickTask> {
  const depotId = await staffDepot(db, caller);
  await withTransaction(db, async (tx) => {
    const task = await lockOpenTask(tx, depotId, taskId);
    const [line] = await tx<{ sku: string; variant_id: string; quantity: number; picked: number }[]>`
      select sku, variant_id, quantity, picked from pick_lines where task_id = ${taskId} and line_id = ${lineId}`;
    if (!line) throw new LineNotFound();
    if (input.scannedSku !== undefined && input.scannedSku.trim().toUpperCase() !== line.sku.toUpperCase())
      throw new SkuMismatch(`scanned ${input.scannedSku.trim()}, the line needs ${line.sku}`);
    const updated = await tx`
      update pick_lines set picked = picked + ${input.quantity}
      where task_id = ${taskId} and line_id = ${lineId} and picked + ${input.quantity} <= quantity`;
    if (updated.count === 0) throw new QuantityTooLarge(`the line needs ${line.quantity - line.picked} more`);
    // A pick moves no quantity (the units stay committed until they ship), but the ledger keeps who and when.
    await applyMovement(tx, {
      variantId: line.variant_id,
      depotId,
      kind: 'pick',
      delta: {},
      ref: `order:${task.order_id}`,
      actorId: caller.id,
    });
    await settleTaskStatus(tx, taskId);
  });
  return loadTask(db, depotId, taskId);
}
