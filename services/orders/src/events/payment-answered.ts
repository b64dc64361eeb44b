/**
 * Payment's events: authorized (also after 3-D Secure or a late bank answer) → confirm; failed → fail and
 * release; requires action → the customer is asked to confirm. Each acts only on the order's own intent.
 */
import type { PaymentAuthorized, PaymentFailed, PaymentRequiresAction } from '@sauda/contracts';
import type { EventHandler, Tx } from '@sauda/kit';
import { confirmOrder } from '../checkout/confirm-order.ts';
import { failOrder } from '../checkout/fail-order.ts';
import type { OrdersContext } from '../context.ts';
import { findOrder, moveOrder, noteStep, scheduleSaga, type OrderRow } from '../data/orders-repo.ts';
import { notifyCustomer } from '../notifications/notify-customer.ts';

const WAITING = ['pending', 'awaiting_payment', 'requires_action'];
/** Statuses an authorization cannot change any more (only its moves forward; cancelled and failed void it). */
const AFTER_PAYMENT = ['confirmed', 'packed', 'shipped', 'out_for_delivery', 'delivered'];

async function waitingOrder(tx: Tx, orderId: string, intentId: string) {
  return waiting(await findOrder(tx, orderId, true), intentId);
}

/** The order when it waits for this intent's answer (read and locked by the caller). */
function waiting(order: OrderRow | undefined, intentId: string) {
  if (!order || !WAITING.includes(order.status)) return undefined;
  // Another intent of the same order (an older, failed attempt) says nothing about this one.
  if (order.intent_id && order.intent_id !== intentId) return undefined;
  if (!['authorize', 'check_payment'].includes(order.saga_state)) return undefined;
  return order;
}

export function onPaymentAuthorized(ctx: OrdersContext): EventHandler<typeof PaymentAuthorized> {
  return async (event, tx) => {
    // Usually the saga's own call confirmed the order already: a read without the row lock says so, and the
    // batch neither waits for that confirmation's transaction nor makes the next one wait for its own.
    const seen = await findOrder(tx, event.data.orderId);
    if (!seen || AFTER_PAYMENT.includes(seen.status)) return;
    const ended = await findOrder(tx, event.data.orderId, true);
    const order = waiting(ended, event.data.intentId);
    if (order) {
      await confirmOrder(ctx, tx, order, event.data.intentId);
      return;
    }
    // An authorization that lands after the order ended (cancelled while payment was slow) is released.
    if (ended && ['cancelled', 'failed'].includes(ended.status) && Number(ended.captured_amount) === 0) {
      await tx`update orders set intent_id = ${event.data.intentId}, payment_status = 'authorized' where id = ${ended.id}`;
      await scheduleSaga(tx, ended.id, 'void_payment', ctx.now());
    }
  };
}

export function onPaymentFailed(ctx: OrdersContext): EventHandler<typeof PaymentFailed> {
  return async (event, tx) => {
    const order = await waitingOrder(tx, event.data.orderId, event.data.intentId);
    if (!order) return;
    await tx`update orders set intent_id = ${event.data.intentId}, payment_status = 'failed' where id = ${order.id}`;
    await failOrder(
      ctx,
      tx,
      { ...order, intent_id: event.data.intentId, payment_status: 'failed' },
      'payment_declined',
      event.data.reason,
    );
  };
}

export function onPaymentRequiresAction(ctx: OrdersContext): EventHandler<typeof PaymentRequiresAction> {
  return async (event, tx) => {
    const order = await waitingOrder(tx, event.data.orderId, event.data.intentId);
    if (!order) return;
    await tx`update orders set intent_id = ${event.data.intentId} where id = ${order.id}`;
    const moved = await moveOrder(tx, order.id, ['pending', 'awaiting_payment'], 'requires_action', {
      payment_status: 'requires_action',
      action_url: event.data.url,
    });
    if (!moved) return;
    await noteStep(tx, order.id, 'authorize_payment', 'started', 'requires_action (3-D Secure)');
    await notifyCustomer(tx, order.id, 'payment_action');
    await scheduleSaga(
      tx,
      order.id,
      'check_payment',
      new Date(ctx.now().getTime() + ctx.settings.paymentActionTimeoutMs),
    );
  };
}
