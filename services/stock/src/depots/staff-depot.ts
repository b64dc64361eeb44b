/** Which depot a warehouseman works at (kept by stock until `users` attaches staff to depots). */
import type { Principal, Queryable } from '@sauda/kit';
import { NotDepotStaff } from '../errors.ts';

/** The caller's depot id; NOT_DEPOT_STAFF when nobody attached them to one. */
export async function staffDepot(db: Queryable, caller: Principal): Promise<string> {
  const [row] = await db<{ depot_id: string }[]>`
    select s.depot_id from depot_staff s join depots d on d.id = s.depot_id
    where s.user_id = ${caller.id} and d.active`;
  if (!row) throw new NotDepotStaff('an admin attaches warehouse staff to a depot');
  return row.depot_id;
}
