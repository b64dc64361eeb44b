/**
 * A confirmed order's effects, applied exactly once when both its placement and its confirmation are
 * known (events may arrive in either order): promo usage counted, purchases confirmed, co-purchases learned,
 * gift cards bought as products issued.
 */
import type { EventLogger, Tx } from '@sauda/kit';
import { claimApplication, productsOfOrder, stampPurchases } from '../data/purchases-repo.ts';
import { countCoPurchases } from '../data/recommendations-repo.ts';
import { issueBoughtGiftCards } from '../gift-cards/issue-bought-gift-cards.ts';
import { confirmPromoUsage } from '../promos/settle-promo-usage.ts';

/** Applies the confirmation if this is the moment it became complete; a no-op otherwise. */
export async function applyConfirmation(tx: Tx, orderId: string, log: EventLogger): Promise<void> {
  const order = await claimApplication(tx, orderId);
  if (!order?.confirmed_at || !order.customer_id) return;
  await stampPurchases(tx, orderId, 'confirmed', order.confirmed_at);
  const refused = await confirmPromoUsage(tx, {
    orderId,
    customerId: order.customer_id,
    promoCodes: order.promo_codes,
  });
  // The order is already paid: a code that lost a race it never reserved for is reported, not reversed.
  if (refused.length > 0)
    log.warn({ orderId, refused }, 'confirmed order used promo codes over their limits');
  await countCoPurchases(tx, await productsOfOrder(tx, orderId), 1);
  await issueBoughtGiftCards(tx, orderId, order.customer_id);
}
