/** `orders.order.cancelled.v1` → whatever stock still holds for the order goes back on the shelf. */
import { ReservationReleased, type EventData, type OrderCancelled } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { lockReservation, moveReservation, reservationLines } from '../data/reservations-repo.ts';
import { cancelPickTasks } from '../picking/cancel-pick-tasks.ts';
import { releaseLines } from './release-lines.ts';

/** The outcome, for callers and tests. */
export type CancelOutcome = 'released' | 'tombstone' | 'nothing-held';

/**
 * Releases an active reservation, or the unshipped committed units of a confirmed one. A cancellation
 * that arrives before the placement leaves a `cancelled` row behind, so the late placement reserves nothing.
 */
export async function cancelReservation(
  tx: Tx,
  cancelled: EventData<typeof OrderCancelled>,
): Promise<CancelOutcome> {
  const reservation = await lockReservation(tx, cancelled.orderId);
  if (!reservation) {
    await tx`
      insert into reservations (id, order_id, status) values (${uuidv7()}, ${cancelled.orderId}, 'cancelled')
      on conflict (order_id) do nothing`;
    return 'tombstone';
  }
  if (reservation.status === 'active') {
    await releaseLines(
      tx,
      reservation.order_id,
      await reservationLines(tx, reservation.id),
      'order cancelled',
    );
  } else if (reservation.status === 'committed') {
    await cancelPickTasks(tx, reservation.order_id);
  } else {
    return 'nothing-held';
  }
  await moveReservation(tx, reservation.id, ['active', 'committed'], 'cancelled');
  await appendEvent(tx, ReservationReleased, {
    orderId: reservation.order_id,
    reservationId: reservation.id,
    reason: 'cancelled',
    releasedAt: new Date().toISOString(),
  });
  return 'released';
}
