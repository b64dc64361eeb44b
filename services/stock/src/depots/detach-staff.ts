/** An admin detaches a warehouseman from a depot. */
import type { Depot } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { getDepot } from '../data/depots-repo.ts';

/** Detaches a warehouseman from a depot (a no-op when they are not attached there). */
export async function detachStaff(db: Db, depotId: string, userId: string): Promise<Depot> {
  await db`delete from depot_staff where user_id = ${userId} and depot_id = ${depotId}`;
  return getDepot(db, depotId);
}
