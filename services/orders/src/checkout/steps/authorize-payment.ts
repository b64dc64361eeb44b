/**
 * Step: authorize the payment (card, saved card, wallet; cash on delivery is accepted as is), idempotent
 * by a key derived from the order. Payment down → the order waits `awaiting_payment` and the step is
 * retried with backoff until payment answers. Undo: `void_payment`.
 */
import type { PaymentIntent } from '@sauda/contracts';
import { UpstreamProblem, UpstreamUnavailable, withTransaction } from '@sauda/kit';
import type { OrdersContext } from '../../context.ts';
import { moveOrder, noteStep, scheduleSaga, type OrderRow } from '../../data/orders-repo.ts';
import { sellerSplits } from '../../orders/money.ts';
import { confirmOrder } from '../confirm-order.ts';
import { failOrder } from '../fail-order.ts';
import { notifyCustomer } from '../../notifications/notify-customer.ts';
import { retryDelay } from '../saga-runner.ts';

/** The idempotency key of the order's n-th payment attempt. */
export const authorizeKey = (order: Pick<OrderRow, 'id' | 'payment_attempt'>) =>
  `order-${order.id}-authorize-${order.payment_attempt}`;

/** Runs the step. */
export async function authorizePayment(ctx: OrdersContext, order: OrderRow): Promise<void> {
  const payable = Number(order.payable);
  if (payable === 0) {
    await withTransaction(ctx.db, (tx) => confirmOrder(ctx, tx, order, null)); // gift cards paid it all
    return;
  }
  let intent: PaymentIntent;
  try {
    const fee = Number(order.delivery_fee);
    const splits = sellerSplits(order.sellers, Number(order.gift_card_amount));
    intent = await ctx.payment.authorize(
      {
        orderId: order.id,
        customerId: order.customer_id,
        amount: { amount: payable, currency: order.currency },
        method: order.payment_method,
        ...(order.payment_token ? { token: order.payment_token } : {}),
        splits: splits.map((s) => ({
          sellerId: s.sellerId,
          amount: { amount: s.amount, currency: order.currency },
        })),
        deliveryFee: { amount: fee, currency: order.currency },
        returnUrl: `${ctx.settings.webBaseUrl}/orders/${order.id}`,
      },
      authorizeKey(order),
    );
  } catch (error) {
    if (error instanceof UpstreamUnavailable) return waitForPayment(ctx, order);
    // 401/403 is our own credential problem, not the customer's: retried (and logged) like an outage.
    if (
      error instanceof UpstreamProblem &&
      error.status < 500 &&
      error.status !== 401 &&
      error.status !== 403
    ) {
      const code = String(error.problem.code ?? error.status);
      await withTransaction(ctx.db, (tx) => failOrder(ctx, tx, order, 'payment_refused', code));
      return;
    }
    throw error;
  }
  await applyIntent(ctx, order, intent);
}

/** Acts on what payment said about the intent (from the call, a later read, or an event). */
export async function applyIntent(ctx: OrdersContext, order: OrderRow, intent: PaymentIntent): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    if (intent.status === 'authorized' || intent.status === 'captured') {
      // The confirmation records the intent with the move; only an order that did not move needs it here.
      if (await confirmOrder(ctx, tx, order, intent.id)) return;
      const [row] = await tx<{ status: string }[]>`
        update orders set intent_id = ${intent.id}, payment_status = ${intent.status} where id = ${order.id}
        returning status`;
      // Cancelled while payment was answering: the authorization is released, never kept.
      if (row && ['cancelled', 'failed'].includes(row.status))
        await scheduleSaga(tx, order.id, 'void_payment', ctx.now());
      return;
    }
    await tx`update orders set intent_id = ${intent.id}, payment_status = ${intent.status} where id = ${order.id}`;
    if (intent.status === 'failed') {
      await failOrder(
        ctx,
        tx,
        { ...order, intent_id: intent.id },
        'payment_declined',
        intent.failureCode ?? 'declined',
      );
    } else if (intent.status === 'requires_action') {
      const moved = await moveOrder(tx, order.id, ['pending', 'awaiting_payment'], 'requires_action', {
        payment_status: 'requires_action',
        action_url: intent.nextAction?.url ?? null,
      });
      if (moved) {
        await noteStep(tx, order.id, 'authorize_payment', 'started', 'requires_action (3-D Secure)');
        await notifyCustomer(tx, order.id, 'payment_action');
      }
      const timeout = new Date(ctx.now().getTime() + ctx.settings.paymentActionTimeoutMs);
      await scheduleSaga(tx, order.id, 'check_payment', timeout);
    } else {
      // processing: the bank answers later by webhook; look again shortly in case the event is slow.
      await scheduleSaga(tx, order.id, 'check_payment', new Date(ctx.now().getTime() + 5000));
    }
  });
}

async function waitForPayment(ctx: OrdersContext, order: OrderRow): Promise<void> {
  const delay = retryDelay(order.saga_attempts, ctx.settings.retryMinMs, ctx.settings.retryMaxMs);
  await withTransaction(ctx.db, async (tx) => {
    const moved = await moveOrder(tx, order.id, ['pending'], 'awaiting_payment', {
      payment_status: 'pending',
    });
    if (moved) await noteStep(tx, order.id, 'authorize_payment', 'failed', 'payment unavailable; retrying');
    await tx`
      update orders set saga_lease_until = null, saga_next_at = now() + ${delay} * interval '1 millisecond'
      where id = ${order.id}`;
  });
}
