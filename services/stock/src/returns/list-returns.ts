/** The returns desk's list. */
import type { ReturnInspection } from '@sauda/contracts';
import type { Db, Principal } from '@sauda/kit';
import { getReturn } from '../data/returns-repo.ts';
import { staffDepot } from '../depots/staff-depot.ts';

/** The depot's returns, awaiting inspection first. */
export async function listReturns(db: Db, caller: Principal): Promise<ReturnInspection[]> {
  const depotId = await staffDepot(db, caller);
  const ids = await db<{ id: string }[]>`
    select id from returns where depot_id = ${depotId} order by status = 'inspected', created_at desc limit 100`;
  return Promise.all(ids.map((row) => getReturn(db, depotId, row.id)));
}
