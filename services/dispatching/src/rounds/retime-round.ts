/**
 * Recomputes a round's timeline after its stops changed (a dispatcher's move, a stop done): arrivals in order
 * from a start instant and place, waiting for windows, then distance and duration back to the centre.
 */
import type { Tx } from '@sauda/kit';
import type { LatLng } from '../distances/haversine.ts';
import type { DistanceProvider } from '../distances/distance-matrix.ts';

/** One stop still to visit, in order. */
export interface TimedStop extends LatLng {
  id: string;
  serviceSeconds: number;
  windowFrom: Date | null;
}

/** Arrivals from `from` at `start` through `stops`, back to `centre`. Pure apart from the distance provider. */
export async function timeline(
  distances: DistanceProvider,
  centre: LatLng,
  from: LatLng,
  start: Date,
  stops: TimedStop[],
): Promise<{ arrivals: Date[]; end: Date; metres: number }> {
  const points = [from, ...stops, centre];
  const m = await distances.matrix(points);
  const arrivals: Date[] = [];
  let t = start.getTime();
  let metres = 0;
  for (let i = 1; i < points.length; i++) {
    t += (m.seconds[(i - 1) * m.size + i] ?? 0) * 1000;
    metres += m.metres[(i - 1) * m.size + i] ?? 0;
    const stop = stops[i - 1];
    if (!stop) break;
    if (stop.windowFrom && t < stop.windowFrom.getTime()) t = stop.windowFrom.getTime();
    arrivals.push(new Date(t));
    t += stop.serviceSeconds * 1000;
  }
  return { arrivals, end: new Date(t), metres };
}

/** Re-times a planned round from its planned start at the centre and stores arrivals, ETAs and totals. */
export async function retimeRound(tx: Tx, distances: DistanceProvider, roundId: string): Promise<void> {
  const [round] = await tx<{ planned_start: Date | null; lat: number; lng: number }[]>`
    select r.planned_start, c.lat, c.lng from rounds r join sorting_centres c on c.id = r.centre_id
    where r.id = ${roundId}`;
  if (!round) return;
  const stops = await tx<TimedStop[]>`
    select id, lat, lng, service_seconds as "serviceSeconds", window_from as "windowFrom" from stops
    where round_id = ${roundId} order by sequence`;
  const start = round.planned_start ?? new Date();
  const { arrivals, end, metres } = await timeline(distances, round, round, start, stops);
  for (const [index, stop] of stops.entries()) {
    const arrival = arrivals[index] ?? start;
    await tx`
      update stops set planned_arrival = ${arrival}, eta_from = ${new Date(arrival.getTime() - 1_800_000)},
        eta_to = ${new Date(arrival.getTime() + 1_800_000)} where id = ${stop.id}`;
  }
  await tx`
    update rounds set planned_end = ${end}, distance_m = ${Math.round(metres)},
      duration_s = ${Math.round((end.getTime() - start.getTime()) / 1000)}
    where id = ${roundId}`;
}
