/** A parcel came back to the depot: registered once (unique per parcel) with its lines to inspect. */
import type { ReturnInspection } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { loadParcel } from '../data/parcels-repo.ts';
import { getReturn } from '../data/returns-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';
import { ReturnAlreadyRegistered } from '../errors.ts';

/**
 * Registers a parcel (by code or id) that came back to the caller's depot; once per parcel. `returnId` links
 * it to the customer's return request in orders, whose refund waits for this inspection.
 */
export async function registerReturn(
  db: Db,
  caller: Principal,
  parcel: string,
  returnId?: string,
): Promise<ReturnInspection> {
  const depotId = await staffDepot(db, caller);
  const found = await loadParcel(db, null, parcel.trim());
  const id = uuidv7();
  await withTransaction(db, async (tx) => {
    const [created] = await tx`
      insert into returns (id, parcel_id, depot_id, status, customer_return_id)
      values (${id}, ${found.id}, ${depotId}, 'awaiting', ${returnId ?? null})
      on conflict (parcel_id) do nothing returning id`;
    if (!created) throw new ReturnAlreadyRegistered();
    for (const line of found.lines) {
      await tx`insert into return_lines (return_id, line_id, variant_id, quantity)
               values (${id}, ${line.lineId}, ${line.variantId}, ${line.quantity})`;
    }
  });
  return getReturn(db, depotId, id);
}
