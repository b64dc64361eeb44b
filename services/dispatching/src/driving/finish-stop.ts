/** After a stop is done: the round completes when nothing is left, else the remaining ETAs are refreshed. */
import type { Tx } from '@sauda/kit';
import type { DistanceProvider } from '../distances/distance-matrix.ts';
import type { StopRow } from '../data/stops-repo.ts';
import { nextRoundStatus } from '../rounds/round-lifecycle.ts';
import { refreshEtas } from './refresh-etas.ts';

/** Completes the round or refreshes ETAs from the stop just finished. */
export async function finishStop(
  tx: Tx,
  distances: DistanceProvider,
  stop: StopRow,
  round: { id: string; centre_id: string; driver_id: string },
  now: Date,
): Promise<void> {
  const [left] = await tx<{ n: number }[]>`
    select count(*)::int as n from stops where round_id = ${round.id} and status in ('loaded', 'out', 'arrived')`;
  if ((left?.n ?? 0) === 0) {
    await tx`
      update rounds set status = ${nextRoundStatus('started', 'complete')}, completed_at = ${now}
      where id = ${round.id}`;
    return;
  }
  await refreshEtas(tx, distances, round, { lat: stop.lat, lng: stop.lng }, now);
}
