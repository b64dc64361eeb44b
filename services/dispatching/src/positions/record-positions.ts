/**
 * A batch of position pings from a driver's app. Duplicates collapse on (driver, time); the last position only
 * moves forward in time; the newest ping is checked against the arrival geofence of the round's open stops,
 * and when the driver runs late for the next stop the remaining ETAs are refreshed.
 */
import type { PositionBatch } from '@sauda/contracts';
import { withTransaction } from '@sauda/kit';
import type { DispatchContext } from '../context.ts';
import { haversineMetres } from '../distances/haversine.ts';
import { arriveAtStop } from '../driving/arrive-at-stop.ts';
import { refreshEtas } from '../driving/refresh-etas.ts';
import { StopStateConflict } from '../errors.ts';

/** Stores the pings; returns how many were new and which stops the geofence marked arrived. */
export async function recordPositions(
  ctx: DispatchContext,
  driverId: string,
  batch: PositionBatch,
): Promise<{ accepted: number; arrived: string[] }> {
  const pings = batch.pings;
  const newest = pings.reduce((a, b) => (Date.parse(b.at) > Date.parse(a.at) ? b : a));
  // One round trip for the hot path: store the pings, move the last position forward, and learn whether the
  // driver is on a started round (only then are geofences and ETAs worth a look).
  const [row] = await ctx.db<{ accepted: number; moved: number; driving: boolean }[]>`
    with stored as (
      insert into positions (driver_id, at, lat, lng, accuracy_m)
      select ${driverId}, * from unnest(${pings.map((p) => p.at)}::timestamptz[], ${pings.map((p) => p.lat)}::float8[],
                                        ${pings.map((p) => p.lng)}::float8[],
                                        ${pings.map((p) => p.accuracyM ?? null)}::real[])
      on conflict do nothing returning 1
    ), moved as (
      insert into last_positions (driver_id, at, lat, lng, accuracy_m)
      values (${driverId}, ${newest.at}, ${newest.lat}, ${newest.lng}, ${newest.accuracyM ?? null})
      on conflict (driver_id) do update set at = excluded.at, lat = excluded.lat, lng = excluded.lng,
        accuracy_m = excluded.accuracy_m
      where last_positions.at < excluded.at
      returning 1
    )
    select (select count(*) from stored)::int as accepted, (select count(*) from moved)::int as moved,
      exists (select 1 from rounds where driver_id = ${driverId} and status = 'started') as driving`;
  const arrived = row && row.moved > 0 && row.driving ? await watchRound(ctx, driverId, newest) : [];
  return { accepted: row?.accepted ?? 0, arrived };
}

/** Geofence and lateness checks against the driver's started round (one indexed query when there is none). */
async function watchRound(
  ctx: DispatchContext,
  driverId: string,
  at: PositionBatch['pings'][number],
): Promise<string[]> {
  const open = await ctx.db<
    { id: string; round_id: string; centre_id: string; lat: number; lng: number; eta_to: Date | null }[]
  >`
    select s.id, s.round_id, r.centre_id, s.lat, s.lng, s.eta_to from rounds r
    join stops s on s.round_id = r.id and s.status = 'out'
    where r.driver_id = ${driverId} and r.status = 'started' order by s.sequence`;
  if (open.length === 0) return [];
  const now = ctx.now();
  const inside = open.filter((s) => haversineMetres(s, at) <= ctx.geofenceM);
  const position = {
    lat: at.lat,
    lng: at.lng,
    ...(at.accuracyM !== undefined ? { accuracyM: at.accuracyM } : {}),
  };
  for (const stop of inside) {
    try {
      await withTransaction(ctx.db, (tx) => arriveAtStop(tx, driverId, stop.id, position, now));
    } catch (error) {
      // The driver tapped "arrived" at the same moment: the stop is already arrived, nothing is lost.
      if (!(error instanceof StopStateConflict)) throw error;
    }
  }
  const next = open[0];
  if (inside.length === 0 && next?.eta_to && next.eta_to < now)
    await withTransaction(ctx.db, (tx) =>
      refreshEtas(
        tx,
        ctx.distances,
        { id: next.round_id, centre_id: next.centre_id, driver_id: driverId },
        at,
        now,
      ),
    );
  return inside.map((s) => s.id);
}
