/**
 * After the sale: send the refunds owed — cancelled lines of a captured order (`refund_due`) and inspected
 * returns — each with an idempotency key of its own, so a retry never refunds twice.
 */
import { ReturnRefunded } from '@sauda/contracts';
import { appendEvent, withTransaction } from '@sauda/kit';
import type { OrdersContext } from '../../context.ts';
import { noteStep, scheduleSaga, type OrderRow } from '../../data/orders-repo.ts';
import { moveReturn, type ReturnRow } from '../../data/returns-repo.ts';
import { notifyCustomer } from '../../notifications/notify-customer.ts';

const shown = (amount: number, currency: string) => `${(amount / 100).toFixed(2)} ${currency}`;

/** Runs the step. */
export async function settlePayment(ctx: OrdersContext, order: OrderRow): Promise<void> {
  const due = Number(order.refund_due);
  if (due > 0 && order.intent_id) {
    const target = Number(order.refunded) + due;
    await ctx.payment.refund(order.intent_id, due, 'original', `order-${order.id}-refund-to-${target}`);
    await withTransaction(ctx.db, async (tx) => {
      await tx`update orders set refunded = refunded + ${due}, refund_due = refund_due - ${due} where id = ${order.id}`;
      await noteStep(tx, order.id, 'refund', 'succeeded', shown(due, order.currency));
      await notifyCustomer(tx, order.id, 'refunded', {
        fact: `cancel-${target}`,
        amount: shown(due, order.currency),
      });
    });
  }
  const received = await ctx.db<ReturnRow[]>`
    select * from returns where order_id = ${order.id} and status = 'received' and refund_amount is not null`;
  for (const ret of received) {
    const amount = Number(ret.refund_amount);
    if (amount > 0 && order.intent_id)
      await ctx.payment.refund(
        order.intent_id,
        amount,
        ret.refund_to === 'wallet' ? 'wallet' : 'original',
        `return-${ret.id}`,
      );
    await withTransaction(ctx.db, async (tx) => {
      const moved = await moveReturn(tx, ret.id, ['received'], 'refunded');
      if (!moved) return;
      await tx`update orders set refunded = refunded + ${amount} where id = ${order.id}`;
      // The gift card part of the return goes back to the cards through shop (issue 13).
      await appendEvent(tx, ReturnRefunded, {
        returnId: ret.id,
        orderId: order.id,
        refund: { amount, currency: order.currency },
        giftCards: ret.gift_card_refunds,
        refundedAt: ctx.now().toISOString(),
      });
      await noteStep(
        tx,
        order.id,
        'refund_return',
        'succeeded',
        `${ret.id}: ${shown(amount, order.currency)}`,
      );
      const gift = ret.gift_card_refunds.reduce((sum, g) => sum + g.amount, 0);
      await notifyCustomer(tx, order.id, 'refunded', {
        fact: ret.id,
        amount: shown(amount + gift, order.currency),
      });
    });
  }
  await withTransaction(ctx.db, (tx) => scheduleSaga(tx, order.id, 'done', null));
}
