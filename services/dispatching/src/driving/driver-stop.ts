/** Finds a stop on the calling driver's started round (others' stops are indistinguishable from none). */
import type { Tx } from '@sauda/kit';
import { lockStop, type StopRow } from '../data/stops-repo.ts';
import { StopNotFound, StopStateConflict } from '../errors.ts';

/** The stop and its round, locked; STOP_NOT_FOUND unless it is on the driver's started round. */
export async function driverStop(
  tx: Tx,
  driverId: string,
  stopId: string,
  allowed: readonly StopRow['status'][],
): Promise<{ stop: StopRow; round: { id: string; centre_id: string; driver_id: string } }> {
  const stop = await lockStop(tx, stopId);
  if (!stop?.round_id) throw new StopNotFound();
  const [round] = await tx<{ id: string; centre_id: string; driver_id: string; status: string }[]>`
    select id, centre_id, driver_id, status from rounds where id = ${stop.round_id} for update`;
  if (!round || round.driver_id !== driverId) throw new StopNotFound();
  if (round.status !== 'started') throw new StopStateConflict('start the round first');
  if (!allowed.includes(stop.status)) throw new StopStateConflict(`the stop is already ${stop.status}`);
  return { stop, round };
}

/** The fields every stop event carries. */
export function stopFacts(
  stop: StopRow,
  round: { id: string; centre_id: string; driver_id: string },
  at: Date,
) {
  return {
    roundId: round.id,
    stopId: stop.id,
    shipmentId: stop.shipment_id,
    trackingNumber: stop.tracking_number,
    driverId: round.driver_id,
    sortingCentreId: round.centre_id,
    at: at.toISOString(),
  };
}
