/**
 * Step: announce `orders.order.placed.v1`; stock reserves every line or rejects the order. Undo:
 * `orders.order.cancelled.v1` releases the reservation (stock ignores a placement after its cancellation).
 */
import { OrderPlaced } from '@sauda/contracts';
import { appendEvent, withTransaction } from '@sauda/kit';
import type { OrdersContext } from '../../context.ts';
import { noteSteps, orderLines, scheduleSaga, type OrderRow } from '../../data/orders-repo.ts';

/** Emits the placement and waits for stock's answer (an event: nothing is due until it comes). */
export async function placeOrder(ctx: OrdersContext, order: OrderRow): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const lines = await orderLines(tx, order.id);
    // Pipelined: one round trip for the three statements (issued in this order).
    await Promise.all([
      appendEvent(tx, OrderPlaced, {
        orderId: order.id,
        orderNumber: order.number,
        customerId: order.customer_id,
        placedAt: order.placed_at.toISOString(),
        shippingAddress: order.shipping_address,
        lines: lines.map((l) => ({
          lineId: l.id,
          variantId: l.variant_id,
          sku: l.sku,
          productId: l.product_id,
          sellerId: l.seller_id,
          title: l.title,
          quantity: l.quantity,
        })),
        ...(order.promo_codes.length ? { promoCodes: order.promo_codes } : {}),
        ...(order.gift_cards.length ? { giftCards: order.gift_cards.map((g) => g.code) } : {}),
      }),
      noteSteps(tx, order.id, [
        ['place', 'succeeded'],
        ['reserve_stock', 'started'],
      ]),
      scheduleSaga(tx, order.id, 'awaiting_stock', null),
    ]);
  });
}
