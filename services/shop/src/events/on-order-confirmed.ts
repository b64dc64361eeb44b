/** `orders.order.confirmed.v1`: count promo usage and learn co-purchases (once, see apply-confirmation). */
import type { OrderConfirmed, TypedEnvelope } from '@sauda/contracts';
import type { EventLogger, Tx } from '@sauda/kit';
import { noteConfirmed } from '../data/purchases-repo.ts';
import { applyConfirmation } from './apply-confirmation.ts';

/** Handles one confirmation. */
export function onOrderConfirmed(log: EventLogger) {
  return async (event: TypedEnvelope<typeof OrderConfirmed>, tx: Tx): Promise<void> => {
    await noteConfirmed(tx, event.data.orderId, new Date(event.data.confirmedAt));
    await applyConfirmation(tx, event.data.orderId, log);
  };
}
