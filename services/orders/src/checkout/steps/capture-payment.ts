/**
 * After the sale: the money is taken when the first parcel leaves for the customer (out for delivery) —
 * what was authorized less the cancelled lines; an order with nothing left to charge is voided instead.
 * Cash on delivery is captured by payment when the driver's cash is reconciled.
 */
import { withTransaction } from '@sauda/kit';
import type { OrdersContext } from '../../context.ts';
import { noteStep, scheduleSaga, type OrderRow } from '../../data/orders-repo.ts';
import { voidPayment } from './void-payment.ts';

/** Runs the step. */
export async function capturePayment(ctx: OrdersContext, order: OrderRow): Promise<void> {
  const amount = Number(order.payable) - Number(order.released);
  if (!order.intent_id || order.payment_method === 'cod' || Number(order.captured_amount) > 0) {
    await withTransaction(ctx.db, (tx) =>
      scheduleSaga(
        tx,
        order.id,
        Number(order.refund_due) > 0 ? 'settle' : 'done',
        Number(order.refund_due) > 0 ? ctx.now() : null,
      ),
    );
    return;
  }
  if (amount <= 0) return voidPayment(ctx, order);
  const intent = await ctx.payment.capture(order.intent_id, amount, `order-${order.id}-capture`);
  await withTransaction(ctx.db, async (tx) => {
    await tx`update orders set captured_amount = ${intent.amountCaptured}, payment_status = ${intent.status}
             where id = ${order.id}`;
    await noteStep(tx, order.id, 'capture_payment', 'succeeded', String(intent.amountCaptured));
    const [row] = await tx<{ refund_due: string }[]>`select refund_due from orders where id = ${order.id}`;
    await scheduleSaga(
      tx,
      order.id,
      Number(row?.refund_due ?? 0) > 0 ? 'settle' : 'done',
      Number(row?.refund_due ?? 0) > 0 ? ctx.now() : null,
    );
  });
}
