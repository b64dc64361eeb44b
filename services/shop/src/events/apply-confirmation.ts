/**
 * A confirmed order's effects, applied exactly once when both its placement and its confirmation are
 * known (events may arrive in either order): promo usage counted, purchases confirmed, co-purchases learned,
 * gift cards bought as products issued. The claim applies most of them (`claimConfirmation`); this finishes.
 */
import type { EventLogger, Tx } from '@sauda/kit';
import type { ClaimedOrder } from '../data/confirmation-repo.ts';
import { issueBoughtGiftCards } from '../gift-cards/issue-bought-gift-cards.ts';
import { takeUnreservedPromoUses } from '../promos/settle-promo-usage.ts';

/** Finishes a claimed order's application; a no-op when this caller did not claim it. */
export async function applyConfirmation(
  tx: Tx,
  order: ClaimedOrder | undefined,
  log: EventLogger,
): Promise<void> {
  if (!order) return;
  // Checkout reserves every code, so this is rare: only codes the order never reserved are counted here.
  if (order.unreserved_codes.length > 0) {
    const refused = await takeUnreservedPromoUses(tx, {
      orderId: order.order_id,
      customerId: order.customer_id,
      promoCodes: order.unreserved_codes,
    });
    // The order is already paid: a code that lost a race it never reserved for is reported, not reversed.
    if (refused.length > 0)
      log.warn({ orderId: order.order_id, refused }, 'confirmed order used promo codes over their limits');
  }
  if (order.buys_gift_cards) await issueBoughtGiftCards(tx, order.order_id, order.customer_id);
}
