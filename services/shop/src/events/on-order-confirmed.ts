/** `orders.order.confirmed.v1`: count promo usage and learn co-purchases (once, see apply-confirmation). */
import type { OrderConfirmed, TypedEnvelope } from '@sauda/contracts';
import type { EventLogger, Tx } from '@sauda/kit';
import { claimConfirmation } from '../data/confirmation-repo.ts';
import { noteConfirmed } from '../data/purchases-repo.ts';
import { applyConfirmation } from './apply-confirmation.ts';

/** Handles one confirmation. */
export function onOrderConfirmed(log: EventLogger) {
  return async (event: TypedEnvelope<typeof OrderConfirmed>, tx: Tx): Promise<void> => {
    const { orderId, confirmedAt } = event.data;
    // One round trip: postgres.js sends both in one write and they run in order, so the claim sees the note.
    const [, claimed] = await Promise.all([
      noteConfirmed(tx, orderId, new Date(confirmedAt)),
      claimConfirmation(tx, orderId),
    ]);
    await applyConfirmation(tx, claimed, log);
  };
}
