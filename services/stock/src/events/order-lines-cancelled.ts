/** `orders.order.lines_cancelled.v1`: release the cancelled units of a confirmed order. */
import type { OrderLinesCancelled } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { releaseCancelledLines } from '../picking/release-cancelled-lines.ts';

/** Idempotent by its per-line targets (and the inbox). */
export const onOrderLinesCancelled: EventHandler<typeof OrderLinesCancelled> = async (event, tx) => {
  await releaseCancelledLines(tx, event.data);
};
