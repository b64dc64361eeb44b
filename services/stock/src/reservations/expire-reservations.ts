/** Releases reservations whose time ran out; several replicas may run it at once. */
import { ReservationReleased } from '@sauda/contracts';
import { appendEvent, startSweeper, withTransaction, type Db, type Sweeper } from '@sauda/kit';
import { reservationLines } from '../data/reservations-repo.ts';
import { releaseLines } from './release-lines.ts';

/**
 * Expires up to `batch` due reservations in one transaction and returns how many. `SKIP LOCKED` lets
 * replicas (and a confirmation holding the row) pass each other; the status guard makes a row expire once.
 */
export async function expireReservations(db: Db, batch = 100): Promise<number> {
  return withTransaction(db, async (tx) => {
    const due = await tx<{ id: string; order_id: string }[]>`
      with due as (
        select id from reservations
        where status = 'active' and expires_at <= now()
        order by expires_at limit ${batch}
        for update skip locked)
      update reservations r set status = 'expired', updated_at = now()
      from due where r.id = due.id and r.status = 'active'
      returning r.id, r.order_id`;
    for (const reservation of due) {
      await releaseLines(tx, reservation.order_id, await reservationLines(tx, reservation.id), 'expired');
      await appendEvent(tx, ReservationReleased, {
        orderId: reservation.order_id,
        reservationId: reservation.id,
        reason: 'expired',
        releasedAt: new Date().toISOString(),
      });
    }
    return due.length;
  });
}

/** A periodic sweep; `stop()` waits for the sweep in progress. */
export function startExpirySweeper(db: Db, intervalMs: number, onError: (error: unknown) => void): Sweeper {
  let stopped = false;
  const sweeper = startSweeper(
    intervalMs,
    async () => {
      while (!stopped && (await expireReservations(db)) > 0) {
        // a full batch may mean more are due; keep going until none are
      }
    },
    onError,
  );
  return {
    stop() {
      stopped = true;
      return sweeper.stop();
    },
  };
}
