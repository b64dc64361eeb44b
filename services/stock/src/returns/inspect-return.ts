/** The inspection of a returned parcel: each unit goes back to stock or is written off. */
import type { ReturnInspection } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { getReturn } from '../data/returns-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';
import { InspectionIncomplete, ReturnAlreadyInspected } from '../errors.ts';
import { checkLowStock } from '../levels/check-low-stock.ts';
import { applyMovement, ensureLevel } from '../levels/movement.ts';

/** The inspector's verdict per line: units back on the shelf, units written off (damaged). */
export interface InspectionLine {
  lineId: string;
  restock: number;
  writeOff: number;
}

/** Applies an inspection: restocked units go on hand, written-off ones on hand but unavailable. */
export async function inspectReturn(
  db: Db,
  caller: Principal,
  returnId: string,
  verdict: readonly InspectionLine[],
): Promise<ReturnInspection> {
  const depotId = await staffDepot(db, caller);
  const current = await getReturn(db, depotId, returnId);
  for (const line of current.lines) {
    const given = verdict.find((v) => v.lineId === line.lineId);
    if (!given || given.restock + given.writeOff !== line.quantity)
      throw new InspectionIncomplete(`line ${line.lineId} has ${line.quantity} units to account for`);
  }
  await withTransaction(db, async (tx) => {
    const moved = await tx`
      update returns set status = 'inspected', inspected_at = now()
      where id = ${returnId} and depot_id = ${depotId} and status = 'awaiting'`;
    if (moved.count === 0) throw new ReturnAlreadyInspected();
    for (const line of current.lines) {
      const given = verdict.find((v) => v.lineId === line.lineId) ?? { restock: 0, writeOff: 0 };
      await tx`update return_lines set restocked = ${given.restock}, written_off = ${given.writeOff}
               where return_id = ${returnId} and line_id = ${line.lineId}`;
      await ensureLevel(tx, line.variantId, depotId);
      const ref = `return:${returnId}`;
      if (given.restock > 0)
        await applyMovement(tx, {
          variantId: line.variantId,
          depotId,
          kind: 'return-restock',
          delta: { onHand: given.restock },
          ref,
          actorId: caller.id,
        });
      if (given.writeOff > 0)
        await applyMovement(tx, {
          variantId: line.variantId,
          depotId,
          kind: 'damage',
          delta: { onHand: given.writeOff, unavailable: given.writeOff },
          reason: 'written off at return inspection',
          ref,
          actorId: caller.id,
        });
    }
    await checkLowStock(
      tx,
      current.lines.map((line) => line.variantId),
    );
  });
  return getReturn(db, depotId, returnId);
}
