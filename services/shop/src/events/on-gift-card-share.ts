/**
 * `orders.order.lines_cancelled.v1` and `orders.return.refunded.v1`: the gift cards spent on an order get
 * their share of the money taken back, once per cancellation or return.
 */
import type { OrderLinesCancelled, ReturnRefunded, TypedEnvelope } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { refundGiftCardShares } from '../gift-cards/refund-gift-card.ts';

/** Cancelled lines: their gift card share goes back to the cards. */
export async function onOrderLinesCancelled(
  event: TypedEnvelope<typeof OrderLinesCancelled>,
  tx: Tx,
): Promise<void> {
  const { orderId, cancellationId, giftCards } = event.data;
  if (giftCards.length > 0) await refundGiftCardShares(tx, orderId, `lines:${cancellationId}`, giftCards);
}

/** A refunded return: its gift card share goes back to the cards. */
export async function onReturnRefunded(event: TypedEnvelope<typeof ReturnRefunded>, tx: Tx): Promise<void> {
  const { orderId, returnId, giftCards } = event.data;
  if (giftCards.length > 0) await refundGiftCardShares(tx, orderId, `return:${returnId}`, giftCards);
}
