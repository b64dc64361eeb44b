/**
 * Step: look at a payment that has not answered by event in time — a 3-D Secure challenge the customer
 * abandoned (void it and fail the order) or a late bank answer (apply it, or look again later).
 */
import { withTransaction } from '@sauda/kit';
import type { OrdersContext } from '../../context.ts';
import { scheduleSaga, type OrderRow } from '../../data/orders-repo.ts';
import { failOrder } from '../fail-order.ts';
import { applyIntent } from './authorize-payment.ts';
import { voidPayment } from './void-payment.ts';

/** Runs the step. */
export async function checkPayment(ctx: OrdersContext, order: OrderRow): Promise<void> {
  // The order ended (cancelled) while the customer was at the bank: release whatever the bank holds.
  if (['cancelled', 'failed'].includes(order.status) && order.intent_id) return voidPayment(ctx, order);
  if (!['pending', 'awaiting_payment', 'requires_action'].includes(order.status) || !order.intent_id) {
    await withTransaction(ctx.db, (tx) => scheduleSaga(tx, order.id, 'done', null));
    return;
  }
  const intent = await ctx.payment.get(order.intent_id);
  if (intent.status === 'requires_action') {
    await withTransaction(ctx.db, (tx) =>
      failOrder(ctx, tx, order, 'payment_action_abandoned', '3-D Secure not completed in time'),
    );
    return;
  }
  if (intent.status === 'processing') {
    await withTransaction(ctx.db, (tx) =>
      scheduleSaga(tx, order.id, 'check_payment', new Date(ctx.now().getTime() + 15_000)),
    );
    return;
  }
  await applyIntent(ctx, order, intent);
}
