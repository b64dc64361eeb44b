/** `orders.order.confirmed.v1`: commit the reservation and open pick tasks. */
import type { OrderConfirmed } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { commitReservation } from '../reservations/commit-reservation.ts';

/** A confirmation that overtook its placement throws and is retried by the consumer until it can commit. */
export const onOrderConfirmed: EventHandler<typeof OrderConfirmed> = async (event, tx) => {
  await commitReservation(tx, event.data);
};
