/**
 * A saga that cannot finish undoes what it took: `orders.order.cancelled.v1` releases the stock
 * reservation and makes shop release promo uses and refund gift cards; an authorization is voided by the
 * `void_payment` step; the lines go back into the customer's cart.
 */
import { OrderCancelled } from '@sauda/contracts';
import { afterCommit, appendEvent, type Tx } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import { customerCart } from '../data/carts-repo.ts';
import { moveOrder, noteStep, orderLines, scheduleSaga, type OrderRow } from '../data/orders-repo.ts';
import { notifyCustomer } from '../notifications/notify-customer.ts';
import { checkoutSteps } from './checkout-metrics.ts';

/** Fails the order once with a stable reason; answers false when it had already ended. */
export async function failOrder(
  ctx: OrdersContext,
  tx: Tx,
  order: OrderRow,
  reason: string,
  detail: string | null = null,
): Promise<boolean> {
  const moved = await moveOrder(tx, order.id, ['pending', 'awaiting_payment', 'requires_action'], 'failed', {
    failure_reason: reason,
    ...(detail ? { payment_failure: reason.startsWith('payment') ? detail : null } : {}),
  });
  if (!moved) return false;
  await tx`update seller_orders set status = 'cancelled', updated_at = now() where order_id = ${order.id}`;
  await appendEvent(tx, OrderCancelled, { orderId: order.id, reason, cancelledAt: ctx.now().toISOString() });
  await noteStep(tx, order.id, 'fail', 'failed', detail ? `${reason}: ${detail}` : reason);
  await noteStep(tx, order.id, 'release_stock', 'compensated');
  if (order.promo_codes.length || order.gift_cards.length)
    await noteStep(tx, order.id, 'release_codes', 'compensated');
  await restoreCart(tx, order);
  const live = moved.intent_id && !['failed', 'voided'].includes(moved.payment_status);
  await scheduleSaga(tx, order.id, live ? 'void_payment' : 'done', live ? ctx.now() : null);
  await notifyCustomer(tx, order.id, 'failed');
  afterCommit(tx, () => checkoutSteps.inc({ step: 'order', outcome: 'failed' }));
  return true;
}

/** Puts a failed order's lines back into the customer's cart (kept lines win). */
async function restoreCart(tx: Tx, order: OrderRow): Promise<void> {
  const cart = await customerCart(tx, order.customer_id);
  for (const line of await orderLines(tx, order.id)) {
    await tx`
      insert into cart_items (id, cart_id, variant_id, quantity, seen_price)
      values (gen_random_uuid(), ${cart.id}, ${line.variant_id}, ${line.quantity}, ${line.unit_price})
      on conflict (cart_id, variant_id) do nothing`;
  }
}
