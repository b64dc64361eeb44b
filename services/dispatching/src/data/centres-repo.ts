/** SQL for sorting centres and service zones. */
import type { ServiceZone, SortingCentre } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { CentreNotFound } from '../errors.ts';

const centreColumns = (db: Queryable) => db`
  id, code, name, city, address, lat, lng, opening_hours as "openingHours",
  utc_offset_minutes as "utcOffsetMinutes", active`;

/** Every sorting centre, by name. */
export async function selectCentres(db: Queryable): Promise<SortingCentre[]> {
  return db<SortingCentre[]>`select ${centreColumns(db)} from sorting_centres order by name`;
}

/** One centre, or CENTRE_NOT_FOUND. */
export async function getCentre(db: Queryable, id: string): Promise<SortingCentre> {
  const [row] = await db<SortingCentre[]>`select ${centreColumns(db)} from sorting_centres where id = ${id}`;
  if (!row) throw new CentreNotFound();
  return row;
}

/** True when the centre exists. */
export async function centreExists(db: Queryable, id: string): Promise<boolean> {
  const [row] = await db`select 1 from sorting_centres where id = ${id}`;
  return row !== undefined;
}

/** Service zones, optionally of one centre. */
export async function selectZones(db: Queryable, centreId?: string): Promise<ServiceZone[]> {
  return db<ServiceZone[]>`
    select id, centre_id as "centreId", name, polygon from service_zones
    ${centreId ? db`where centre_id = ${centreId}` : db``} order by name`;
}
