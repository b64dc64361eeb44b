/** `orders.order.cancelled.v1` (also the end of a failed payment): release what the order holds. */
import type { OrderCancelled } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { cancelReservation } from '../reservations/cancel-reservation.ts';

/** Idempotent by the reservation's status; a cancellation before the placement leaves a tombstone. */
export const onOrderCancelled: EventHandler<typeof OrderCancelled> = async (event, tx) => {
  await cancelReservation(tx, event.data);
};
