/** `orders.order.placed.v1`: remember the order's lines and promo codes until it is confirmed or cancelled. */
import type { OrderPlaced, TypedEnvelope } from '@sauda/contracts';
import type { EventLogger, Tx } from '@sauda/kit';
import { insertPurchases, notePlaced } from '../data/purchases-repo.ts';
import { applyConfirmation } from './apply-confirmation.ts';

/** Handles one placed order (idempotent: upserts only). */
export function onOrderPlaced(log: EventLogger) {
  return async (event: TypedEnvelope<typeof OrderPlaced>, tx: Tx): Promise<void> => {
    const { orderId, customerId, lines, promoCodes } = event.data;
    await notePlaced(tx, { orderId, customerId, promoCodes: promoCodes ?? [] });
    await insertPurchases(tx, orderId, customerId, lines);
    await applyConfirmation(tx, orderId, log);
  };
}
