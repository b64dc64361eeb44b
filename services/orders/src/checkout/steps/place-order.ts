/**
 * Step: announce `orders.order.placed.v1`; stock reserves every line or rejects the order. Undo:
 * `orders.order.cancelled.v1` releases the reservation (stock ignores a placement after its cancellation).
 */
import { OrderPlaced } from '@sauda/contracts';
import { appendEvent, withTransaction, type Tx } from '@sauda/kit';
import type { OrdersContext } from '../../context.ts';
import { noteSteps, orderLines, scheduleSaga, type LineRow, type OrderRow } from '../../data/orders-repo.ts';

/** What the placement needs of the order and its lines (a stored order, or one being created). */
export interface Placement {
  order: Pick<
    OrderRow,
    'id' | 'number' | 'customer_id' | 'placed_at' | 'shipping_address' | 'promo_codes' | 'gift_cards'
  >;
  lines: readonly Pick<
    LineRow,
    'id' | 'variant_id' | 'sku' | 'product_id' | 'seller_id' | 'title' | 'quantity'
  >[];
}

/**
 * The step's statements in `tx`: the event, the step notes, and the wait for stock. Issued together, so a
 * caller that awaits them with its own statements sends them all in one round trip.
 */
export function placementStatements(tx: Tx, { order, lines }: Placement): Promise<unknown>[] {
  return [
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
  ];
}

/** Emits the placement and waits for stock's answer (an event: nothing is due until it comes). */
export async function placeOrder(ctx: OrdersContext, order: OrderRow): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const lines = await orderLines(tx, order.id);
    await Promise.all(placementStatements(tx, { order, lines }));
  });
}
