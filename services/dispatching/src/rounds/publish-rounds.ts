/** A dispatcher publishes planned rounds: drivers see them, every stop's parcel is loaded (one event each). */
import { StopLoaded, type DispatchBoard } from '@sauda/contracts';
import { appendEvent, withTransaction, type Db } from '@sauda/kit';
import { lockRound } from '../data/rounds-repo.ts';
import type { StopRow } from '../data/stops-repo.ts';
import { RoundNotFound } from '../errors.ts';
import { loadBoard } from './load-board.ts';
import { nextRoundStatus } from './round-lifecycle.ts';

/** Publishes the given rounds (or every planned round of the centre's day). */
export async function publishRounds(
  db: Db,
  request: { centreId: string; date: string; roundIds?: string[] },
): Promise<DispatchBoard> {
  await withTransaction(db, async (tx) => {
    const ids =
      request.roundIds ??
      (
        await tx<{ id: string }[]>`
          select id from rounds where centre_id = ${request.centreId} and day = ${request.date}
          and status = 'planned' order by id`
      ).map((r) => r.id);
    for (const id of ids) {
      const round = await lockRound(tx, id);
      if (!round || round.centre_id !== request.centreId) throw new RoundNotFound();
      await tx`update rounds set status = ${nextRoundStatus(round.status, 'publish')} where id = ${id}`;
      const stops = await tx<StopRow[]>`
        update stops set status = 'loaded', loaded_at = now(), updated_at = now()
        where round_id = ${id} and status = 'waiting'
        returning *, promised_date::text as promised_day`;
      for (const stop of stops.sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0)))
        await appendEvent(tx, StopLoaded, {
          roundId: id,
          stopId: stop.id,
          shipmentId: stop.shipment_id,
          trackingNumber: stop.tracking_number,
          driverId: round.driver_id,
          sortingCentreId: round.centre_id,
          at: new Date().toISOString(),
          plannedDate: round.day_iso,
          ...(stop.eta_from && stop.eta_to
            ? { eta: { from: stop.eta_from.toISOString(), to: stop.eta_to.toISOString() } }
            : {}),
        });
    }
  });
  return loadBoard(db, request.centreId, request.date);
}
