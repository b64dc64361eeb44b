/** An admin attaches a warehouseman to a depot (stock keeps this until `users` does). */
import type { Depot } from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { getDepot, lockDepot } from '../data/depots-repo.ts';

/** Attaches a warehouseman to a depot (moving them if they worked elsewhere). */
export async function attachStaff(db: Db, depotId: string, userId: string): Promise<Depot> {
  await withTransaction(db, async (tx) => {
    await lockDepot(tx, depotId);
    await tx`
      insert into depot_staff (user_id, depot_id) values (${userId}, ${depotId})
      on conflict (user_id) do update set depot_id = excluded.depot_id, attached_at = now()
      where depot_staff.depot_id <> excluded.depot_id`;
  });
  return getDepot(db, depotId);
}
