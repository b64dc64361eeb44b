/**
 * Re-estimates the arrivals of a started round's remaining stops from where the driver is now; stops whose
 * estimate moved by ten minutes or more get a new ETA window and an `eta_updated` event.
 */
import { EtaUpdated } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import type { LatLng } from '../distances/haversine.ts';
import type { DistanceProvider } from '../distances/distance-matrix.ts';
import type { StopRow } from '../data/stops-repo.ts';
import { etaWindow } from '../planning/day-clock.ts';
import { timeline } from '../rounds/retime-round.ts';
import { stopFacts } from './driver-stop.ts';

const SIGNIFICANT_MS = 10 * 60_000;

/** Recomputes and announces moved ETAs; returns how many moved. */
export async function refreshEtas(
  tx: Tx,
  distances: DistanceProvider,
  round: { id: string; centre_id: string; driver_id: string },
  from: LatLng,
  now: Date,
): Promise<number> {
  const stops = await tx<StopRow[]>`
    select *, promised_date::text as promised_day from stops
    where round_id = ${round.id} and status in ('out', 'arrived') order by sequence`;
  if (stops.length === 0) return 0;
  const [centre] = await tx<LatLng[]>`select lat, lng from sorting_centres where id = ${round.centre_id}`;
  const { arrivals } = await timeline(
    distances,
    centre ?? from,
    from,
    now,
    stops.map((s) => ({
      id: s.id,
      lat: s.lat,
      lng: s.lng,
      serviceSeconds: s.service_seconds,
      windowFrom: s.window_from,
    })),
  );
  let moved = 0;
  for (const [index, stop] of stops.entries()) {
    const arrival = arrivals[index];
    if (!arrival || stop.status === 'arrived') continue;
    const before = stop.planned_arrival?.getTime() ?? 0;
    if (Math.abs(arrival.getTime() - before) < SIGNIFICANT_MS) continue;
    const eta = etaWindow(arrival);
    await tx`
      update stops set planned_arrival = ${arrival}, eta_from = ${eta.from}, eta_to = ${eta.to}, updated_at = now()
      where id = ${stop.id}`;
    await appendEvent(tx, EtaUpdated, {
      ...stopFacts(stop, round, now),
      eta: { from: eta.from.toISOString(), to: eta.to.toISOString() },
    });
    moved += 1;
  }
  return moved;
}
