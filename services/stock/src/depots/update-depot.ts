/** An admin changes a depot: name, address, hours, the default flag, open or closed. */
import type { Depot, DepotChanges } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { getDepot, lockDepot } from '../data/depots-repo.ts';

/** Changes a depot; making it the default takes the flag from the previous default in the same transaction. */
export async function updateDepot(db: Db, id: string, changes: DepotChanges): Promise<Depot> {
  await withTransaction(db, async (tx) => {
    await lockDepot(tx, id);
    if (changes.isDefault) await tx`update depots set is_default = false where is_default and id <> ${id}`;
    await tx`
      update depots set
        name = coalesce(${changes.name ?? null}, name),
        address = coalesce(${changes.address ?? null}, address),
        opening_hours = coalesce(${changes.openingHours ?? null}, opening_hours),
        is_default = coalesce(${changes.isDefault ?? null}, is_default),
        active = coalesce(${changes.active ?? null}, active)
      where id = ${id}`;
  });
  return getDepot(db, id);
}
