/** Compensation: release the authorization of an order that failed or was cancelled before capture. */
import { UpstreamProblem, withTransaction } from '@sauda/kit';
import type { OrdersContext } from '../../context.ts';
import { noteStep, scheduleSaga, type OrderRow } from '../../data/orders-repo.ts';

/** Voids once (payment answers a voided intent's state to a repeat); a captured one is refunded instead. */
export async function voidPayment(ctx: OrdersContext, order: OrderRow): Promise<void> {
  if (!order.intent_id) {
    await withTransaction(ctx.db, (tx) => scheduleSaga(tx, order.id, 'done', null));
    return;
  }
  let status = 'voided';
  try {
    status = (await ctx.payment.void(order.intent_id, `order-${order.id}-void`)).status;
  } catch (error) {
    // A failed or captured intent cannot be voided: nothing is held, or the settle step refunds it.
    if (!(error instanceof UpstreamProblem) || error.status !== 409) throw error;
    status = (await ctx.payment.get(order.intent_id)).status;
  }
  await withTransaction(ctx.db, async (tx) => {
    await tx`update orders set payment_status = ${status} where id = ${order.id}`;
    await noteStep(tx, order.id, 'void_payment', 'compensated', status);
    if (status === 'captured') {
      await tx`update orders set refund_due = payable - refunded where id = ${order.id}`;
      await scheduleSaga(tx, order.id, 'settle', ctx.now());
    } else await scheduleSaga(tx, order.id, 'done', null);
  });
}
