/** The inspection of a returned parcel: each unit goes back to stock or is written off. */
import { ReturnInspected, type ReturnInspection } from '@sauda/contracts';
import { appendEvent, withTransaction, type Db, type Principal, type Tx } from '@sauda/kit';
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
    await announceInspection(tx, returnId, depotId, current.lines, verdict);
  });
  return getReturn(db, depotId, returnId);
}

/** A return that answers a customer's request tells orders what came back in which condition (it refunds). */
async function announceInspection(
  tx: Tx,
  returnId: string,
  depotId: string,
  lines: ReadonlyArray<{ lineId: string; variantId: string }>,
  verdict: readonly InspectionLine[],
): Promise<void> {
  const [link] = await tx<{ customer_return_id: string | null; order_id: string }[]>`
    select r.customer_return_id, p.order_id from returns r join parcels p on p.id = r.parcel_id where r.id = ${returnId}`;
  if (!link?.customer_return_id) return;
  const inspected = lines.flatMap((line) => {
    const given = verdict.find((v) => v.lineId === line.lineId);
    return [
      {
        lineId: line.lineId,
        variantId: line.variantId,
        quantity: given?.restock ?? 0,
        condition: 'resellable' as const,
      },
      {
        lineId: line.lineId,
        variantId: line.variantId,
        quantity: given?.writeOff ?? 0,
        condition: 'damaged' as const,
      },
    ].filter((l) => l.quantity > 0);
  });
  await appendEvent(tx, ReturnInspected, {
    returnId: link.customer_return_id,
    orderId: link.order_id,
    depotId,
    lines: inspected,
    inspectedAt: new Date().toISOString(),
  });
}
