/** SQL for rounds and their API view with stops and driver name. */
import type { Round } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { selectRoundStops, stopOf } from './stops-repo.ts';

/** A round row. */
export interface RoundRow {
  id: string;
  centre_id: string;
  day_iso: string;
  status: Round['status'];
  driver_id: string;
  driver_name: string;
  centre_name: string;
  centre_lat: number;
  centre_lng: number;
  vehicle_id: string | null;
  colour: string;
  distance_m: number;
  duration_s: number;
  planned_start: Date | null;
  planned_end: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Rounds matching a filter, with stops, in creation order. */
export async function selectRounds(
  db: Queryable,
  filter: { centreId?: string; day?: string; driverId?: string; ids?: string[]; live?: boolean },
): Promise<Round[]> {
  const rows = await db<RoundRow[]>`
    select r.*, r.day::text as day_iso, d.name as driver_name, c.name as centre_name, c.lat as centre_lat,
      c.lng as centre_lng
    from rounds r join drivers d on d.user_id = r.driver_id join sorting_centres c on c.id = r.centre_id
    where true
      ${filter.centreId ? db`and r.centre_id = ${filter.centreId}` : db``}
      ${filter.day ? db`and r.day = ${filter.day}` : db``}
      ${filter.driverId ? db`and r.driver_id = ${filter.driverId}` : db``}
      ${filter.ids ? db`and r.id = any(${filter.ids}::uuid[])` : db``}
      ${filter.live ? db`and r.status <> 'cancelled'` : db``}
    order by r.created_at, r.id`;
  const stops = await selectRoundStops(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    centreId: row.centre_id,
    centre: { name: row.centre_name, lat: row.centre_lat, lng: row.centre_lng },
    date: row.day_iso,
    status: row.status,
    driverId: row.driver_id,
    driverName: row.driver_name,
    vehicleId: row.vehicle_id,
    colour: row.colour,
    distanceM: row.distance_m,
    durationS: row.duration_s,
    plannedStart: iso(row.planned_start),
    plannedEnd: iso(row.planned_end),
    startedAt: iso(row.started_at),
    completedAt: iso(row.completed_at),
    stops: stops.filter((s) => s.round_id === row.id).map(stopOf),
  }));
}

/** One round row locked for update. */
export async function lockRound(db: Queryable, id: string): Promise<RoundRow | undefined> {
  const [row] = await db<RoundRow[]>`
    select r.*, r.day::text as day_iso, '' as driver_name, '' as centre_name, 0 as centre_lat, 0 as centre_lng
    from rounds r where r.id = ${id} for update`;
  return row;
}
