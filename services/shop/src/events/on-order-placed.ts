/** `orders.order.placed.v1`: remember the order's lines and promo codes until it is confirmed or cancelled. */
import type { OrderPlaced, TypedEnvelope } from '@sauda/contracts';
import type { EventLogger, Tx } from '@sauda/kit';
import { claimConfirmation } from '../data/confirmation-repo.ts';
import { insertPurchases, notePlaced } from '../data/purchases-repo.ts';
import { applyConfirmation } from './apply-confirmation.ts';

/** Handles one placed order (idempotent: upserts only). */
export function onOrderPlaced(log: EventLogger) {
  return async (event: TypedEnvelope<typeof OrderPlaced>, tx: Tx): Promise<void> => {
    const { orderId, customerId, lines, promoCodes } = event.data;
    // One round trip: postgres.js sends the three in one write and they run in order, so the claim (the
    // confirmation overtook this placement) sees the order and its lines.
    const [, , claimed] = await Promise.all([
      notePlaced(tx, { orderId, customerId, promoCodes: promoCodes ?? [] }),
      insertPurchases(tx, orderId, customerId, lines),
      claimConfirmation(tx, orderId),
    ]);
    await applyConfirmation(tx, claimed, log);
  };
}
