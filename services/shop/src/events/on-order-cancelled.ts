/**
 * `orders.order.cancelled.v1`: give promo uses back, refund gift card redemptions, disable gift cards the
 * order bought, unlearn co-purchases.
 */
import type { OrderCancelled, TypedEnvelope } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { noteCancelled, productsOfOrder, stampPurchases } from '../data/purchases-repo.ts';
import { countCoPurchases } from '../data/recommendations-repo.ts';
import { voidBoughtGiftCards } from '../gift-cards/issue-bought-gift-cards.ts';
import { refundOrderGiftCards } from '../gift-cards/refund-gift-card.ts';
import { releasePromoUsage } from '../promos/settle-promo-usage.ts';

/** Handles one cancellation; a repeat finds nothing left to undo. */
export async function onOrderCancelled(event: TypedEnvelope<typeof OrderCancelled>, tx: Tx): Promise<void> {
  const { orderId, cancelledAt } = event.data;
  await releasePromoUsage(tx, orderId);
  await refundOrderGiftCards(tx, orderId);
  await voidBoughtGiftCards(tx, orderId);
  const order = await noteCancelled(tx, orderId, new Date(cancelledAt));
  if (!order) return;
  await stampPurchases(tx, orderId, 'cancelled', new Date(cancelledAt));
  // Only an order whose confirmation was counted is uncounted.
  if (order.applied_at) await countCoPurchases(tx, await productsOfOrder(tx, orderId), -1);
}
