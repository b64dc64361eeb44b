/** The driver could not deliver: a failed attempt with its reason from the fixed list. */
import { StopDeliveryFailed, type FailStop, type Stop } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { stopOf, type StopRow } from '../data/stops-repo.ts';
import type { DistanceProvider } from '../distances/distance-matrix.ts';
import { driverStop, stopFacts } from './driver-stop.ts';
import { finishStop } from './finish-stop.ts';

/** Records the failed attempt and announces it; shipping decides the next attempt or the return. */
export async function failStop(
  tx: Tx,
  distances: DistanceProvider,
  driverId: string,
  stopId: string,
  attempt: FailStop,
  now: Date,
): Promise<Stop> {
  const { stop, round } = await driverStop(tx, driverId, stopId, ['out', 'arrived']);
  const [row] = await tx<StopRow[]>`
    update stops set status = 'failed', failure_reason = ${attempt.reason}, failure_note = ${attempt.note ?? null},
      completed_at = ${now}, updated_at = now()
    where id = ${stop.id} returning *, promised_date::text as promised_day`;
  await appendEvent(tx, StopDeliveryFailed, {
    ...stopFacts(stop, round, now),
    reason: attempt.reason,
    ...(attempt.note ? { note: attempt.note } : {}),
    ...(attempt.position ? { position: attempt.position } : {}),
  });
  await finishStop(tx, distances, stop, round, now);
  return stopOf(row ?? stop);
}
