/** `orders.order.placed.v1`: reserve the order's lines, or reject it. */
import type { OrderPlaced } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { reserveStock } from '../reservations/reserve-stock.ts';

/** Runs in the consumer's transaction after the inbox recorded the event: once per event (and per order). */
export function onOrderPlaced(ttlMs: number): EventHandler<typeof OrderPlaced> {
  return async (event, tx) => {
    await reserveStock(tx, event.data, ttlMs);
  };
}
