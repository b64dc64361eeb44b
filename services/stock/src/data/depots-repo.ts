/** Depot rows with their staff. */
import type { Depot } from '@sauda/contracts';
import type { Queryable, Tx } from '@sauda/kit';
import { DepotNotFound } from '../errors.ts';

interface DepotRow {
  id: string;
  code: string;
  name: string;
  country_code: string;
  city: string;
  address: string;
  lat: number;
  lng: number;
  opening_hours: string;
  is_default: boolean;
  active: boolean;
}

/** Depots (all, or one by id) with the staff attached to each. */
export async function selectDepots(db: Queryable, id: string | null = null): Promise<Depot[]> {
  const rows = await db<DepotRow[]>`
    select id, code, name, country_code, city, address, lat, lng, opening_hours, is_default, active
    from depots where (${id}::uuid is null or id = ${id}) order by code`;
  const staff = await db<{ depot_id: string; user_id: string; attached_at: Date }[]>`
    select depot_id, user_id, attached_at from depot_staff order by attached_at`;
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    countryCode: row.country_code,
    city: row.city,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    openingHours: row.opening_hours,
    isDefault: row.is_default,
    active: row.active,
    staff: staff
      .filter((s) => s.depot_id === row.id)
      .map((s) => ({ userId: s.user_id, attachedAt: s.attached_at.toISOString() })),
  }));
}

/** One depot; DEPOT_NOT_FOUND otherwise. */
export async function getDepot(db: Queryable, id: string): Promise<Depot> {
  const [depot] = await selectDepots(db, id);
  if (!depot) throw new DepotNotFound();
  return depot;
}

/** Locks a depot row for a change; DEPOT_NOT_FOUND otherwise. */
export async function lockDepot(tx: Tx, id: string): Promise<void> {
  const [row] = await tx`select id from depots where id = ${id} for update`;
  if (!row) throw new DepotNotFound();
}
