/** The driver leaves the centre: the round starts and every parcel on it is out for delivery. */
import { RoundStarted, type Round } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { lockRound, selectRounds } from '../data/rounds-repo.ts';
import type { StopRow } from '../data/stops-repo.ts';
import { RoundNotFound } from '../errors.ts';
import { nextRoundStatus } from '../rounds/round-lifecycle.ts';

/** Starts the driver's own published round (inside the idempotency transaction). */
export async function startRound(tx: Tx, driverId: string, roundId: string, now: Date): Promise<Round> {
  const round = await lockRound(tx, roundId);
  if (!round || round.driver_id !== driverId) throw new RoundNotFound();
  await tx`
    update rounds set status = ${nextRoundStatus(round.status, 'start')}, started_at = ${now} where id = ${roundId}`;
  const stops = await tx<StopRow[]>`
    update stops set status = 'out', updated_at = now() where round_id = ${roundId} and status = 'loaded'
    returning *, promised_date::text as promised_day`;
  stops.sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  await appendEvent(tx, RoundStarted, {
    roundId,
    driverId,
    ...(round.vehicle_id ? { vehicleId: round.vehicle_id } : {}),
    sortingCentreId: round.centre_id,
    stops: stops.map((s) => ({
      stopId: s.id,
      shipmentId: s.shipment_id,
      trackingNumber: s.tracking_number,
      ...(s.eta_from && s.eta_to
        ? { eta: { from: s.eta_from.toISOString(), to: s.eta_to.toISOString() } }
        : {}),
    })),
    at: now.toISOString(),
  });
  const [answer] = await selectRounds(tx, { ids: [roundId] });
  if (!answer) throw new RoundNotFound();
  return answer;
}
