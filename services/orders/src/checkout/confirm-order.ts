/** The saga's last step: the order is paid (or cash on delivery): confirmed, announced, seller orders open. */
import { OrderConfirmed } from '@sauda/contracts';
import { afterCommit, appendEvent, type Tx } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import { moveOrder, noteSteps, scheduleSaga, type OrderRow } from '../data/orders-repo.ts';
import { notifyCustomer } from '../notifications/notify-customer.ts';
import { checkoutSteps, ordersGmv } from './checkout-metrics.ts';

/** Confirms once (a guarded move): a second authorization event for the same order changes nothing. */
export async function confirmOrder(
  ctx: OrdersContext,
  tx: Tx,
  order: OrderRow,
  intentId: string | null,
): Promise<boolean> {
  const moved = await moveOrder(
    tx,
    order.id,
    ['pending', 'awaiting_payment', 'requires_action'],
    'confirmed',
    {
      payment_status: 'authorized',
    },
  );
  if (!moved) return false;
  // Pipelined: one round trip for the statements below (issued in this order).
  await Promise.all([
    intentId ? tx`update orders set intent_id = ${intentId} where id = ${order.id}`.execute() : undefined,
    tx`update seller_orders set status = 'confirmed', updated_at = now()
       where order_id = ${order.id} and status = 'pending'`.execute(),
    appendEvent(tx, OrderConfirmed, {
      orderId: order.id,
      confirmedAt: ctx.now().toISOString(),
      customerId: order.customer_id,
      ...(order.payment_method === 'cod'
        ? { cashOnDelivery: { amount: Number(order.payable), currency: order.currency } }
        : {}),
      delivery: {
        kind: order.delivery.kind,
        promisedDate: order.delivery.promisedDate,
        ...(order.delivery.depotId ? { depotId: order.delivery.depotId } : {}),
      },
    }),
    noteSteps(tx, order.id, [
      ['authorize_payment', 'succeeded', intentId],
      ['confirm', 'succeeded'],
    ]),
    scheduleSaga(tx, order.id, 'done', null),
    notifyCustomer(tx, order.id, 'confirmed', {}, moved),
  ]);
  afterCommit(tx, () => {
    ordersGmv.inc({ currency: order.currency }, Number(order.total));
    checkoutSteps.inc({ step: 'order', outcome: 'confirmed' });
  });
  return true;
}
