/**
 * Cancelling an order, whole or some lines: by the customer before packing, by a seller (out of stock:
 * their lines), by an admin, or by the system (stock found units short). Whole: stock and promo codes
 * released by `orders.order.cancelled.v1`, the payment voided or refunded. Lines: their value (discounts
 * included) splits between payment and gift cards (`take-back.ts`); the paid part is not captured (or is
 * refunded), and `orders.order.lines_cancelled.v1` makes stock release the units and shop refill the cards.
 */
import { OrderCancelled, OrderLinesCancelled } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import type { OrdersContext } from '../context.ts';
import {
  moveOrder,
  noteStep,
  orderLines,
  scheduleSaga,
  sellerOrdersOf,
  type LineRow,
  type OrderRow,
} from '../data/orders-repo.ts';
import { LineNotFound, OrderNotCancellable } from '../errors.ts';
import { notifyCustomer } from '../notifications/notify-customer.ts';
import { unitsValue } from './money.ts';
import { takeBack } from './take-back.ts';
import { deriveOrderStatus, maySellerOrderCancel, mayCancel, type Canceller } from './transitions.ts';

export interface CancelRequest {
  by: Canceller;
  reason: string;
  /** Only these lines (all their remaining units); absent: the whole order (or the seller's part). */
  lineIds?: string[] | undefined;
  /** Units per line when fewer than all remain to cancel (stock's shortage report). */
  units?: ReadonlyMap<string, number>;
  /** A seller cancels only their own lines. */
  sellerId?: string | undefined;
}

const PRE_CONFIRMATION = ['pending', 'awaiting_payment', 'requires_action'] as const;

/** Cancels what the request names; throws ORDER_NOT_CANCELLABLE when its guards refuse. */
export async function cancelOrder(
  ctx: OrdersContext,
  tx: Tx,
  order: OrderRow,
  request: CancelRequest,
): Promise<void> {
  if (!mayCancel(order.status, request.by)) throw new OrderNotCancellable();
  const lines = await orderLines(tx, order.id);
  const parts = await sellerOrdersOf(tx, order.id);
  const cancellablePart = new Set(parts.filter((p) => maySellerOrderCancel(p.status)).map((p) => p.id));
  const open = (l: LineRow) => l.quantity - l.cancelled_quantity - l.returned_quantity;
  let chosen = lines.filter((l) => open(l) > 0);
  if (request.sellerId) chosen = chosen.filter((l) => l.seller_id === request.sellerId);
  if (request.lineIds) {
    const wanted = new Set(request.lineIds);
    if (request.lineIds.some((id) => !chosen.some((l) => l.id === id))) throw new LineNotFound();
    chosen = chosen.filter((l) => wanted.has(l.id));
  }
  const isConfirmed = !(PRE_CONFIRMATION as readonly string[]).includes(order.status);
  if (isConfirmed && chosen.some((l) => !l.seller_order_id || !cancellablePart.has(l.seller_order_id)))
    throw new OrderNotCancellable('Some of these items are already on their way');
  const units = (l: LineRow) => Math.min(open(l), request.units?.get(l.id) ?? open(l));
  const everything = lines.every((l) => open(l) === 0 || (chosen.includes(l) && units(l) === open(l)));
  if (everything || !isConfirmed) return cancelWhole(ctx, tx, order, request);
  if (chosen.length === 0) throw new OrderNotCancellable();
  await cancelLines(ctx, tx, order, chosen, units, request);
}

async function cancelWhole(
  ctx: OrdersContext,
  tx: Tx,
  order: OrderRow,
  request: CancelRequest,
): Promise<void> {
  const moved = await moveOrder(tx, order.id, [order.status], 'cancelled', {
    failure_reason: request.reason,
  });
  if (!moved) throw new OrderNotCancellable();
  await tx`update seller_orders set status = 'cancelled', updated_at = now() where order_id = ${order.id}`;
  await tx`update order_lines set cancelled_quantity = quantity - returned_quantity where order_id = ${order.id}`;
  await appendEvent(tx, OrderCancelled, {
    orderId: order.id,
    reason: request.reason,
    cancelledAt: ctx.now().toISOString(),
  });
  await noteStep(tx, order.id, 'cancel', 'succeeded', `${request.by}: ${request.reason}`);
  await noteStep(tx, order.id, 'release_stock', 'compensated');
  const captured = Number(order.captured_amount) > 0;
  if (captured) {
    await tx`update orders set refund_due = captured_amount - refunded where id = ${order.id}`;
    await scheduleSaga(tx, order.id, 'settle', ctx.now());
  } else if (order.intent_id) await scheduleSaga(tx, order.id, 'void_payment', ctx.now());
  else await scheduleSaga(tx, order.id, 'done', null);
  await notifyCustomer(tx, order.id, 'cancelled');
}

async function cancelLines(
  ctx: OrdersContext,
  tx: Tx,
  order: OrderRow,
  chosen: LineRow[],
  units: (l: LineRow) => number,
  request: CancelRequest,
): Promise<void> {
  let value = 0;
  const cancelled: Array<{ lineId: string; variantId: string; cancelled: number; remaining: number }> = [];
  for (const line of chosen) {
    const n = units(line);
    if (n <= 0) continue;
    value += unitsValue(Number(line.total), line.quantity, line.cancelled_quantity, n);
    await tx`update order_lines set cancelled_quantity = cancelled_quantity + ${n} where id = ${line.id}`;
    const remaining = line.quantity - line.cancelled_quantity - line.returned_quantity - n;
    cancelled.push({ lineId: line.id, variantId: line.variant_id, cancelled: n, remaining });
  }
  // The lines' value (their discounts included) splits between the payment and the gift cards (issue 13).
  const { paid, giftCards } = await takeBack(tx, order.id, value);
  const cancellationId = uuidv7();
  if (cancelled.length > 0)
    await appendEvent(tx, OrderLinesCancelled, {
      orderId: order.id,
      cancellationId,
      reason: request.reason,
      lines: cancelled,
      giftCards,
      cancelledAt: ctx.now().toISOString(),
    });
  // Seller orders with nothing left to ship are cancelled; the customer order follows its parts.
  await tx`
    update seller_orders so set status = 'cancelled', updated_at = now()
    where so.order_id = ${order.id} and so.status <> 'cancelled' and not exists (
      select 1 from order_lines l where l.seller_order_id = so.id and l.quantity - l.cancelled_quantity - l.returned_quantity > 0)`;
  const captured = Number(order.captured_amount) > 0;
  if (captured) await tx`update orders set refund_due = refund_due + ${paid} where id = ${order.id}`;
  else await tx`update orders set released = released + ${paid} where id = ${order.id}`;
  await noteStep(tx, order.id, 'cancel_lines', 'succeeded', `${request.by}: ${request.reason} (${paid})`);
  const derived = deriveOrderStatus((await sellerOrdersOf(tx, order.id)).map((p) => p.status));
  if (derived && derived !== order.status && derived !== 'cancelled')
    await moveOrder(tx, order.id, [order.status], derived);
  if (captured && paid > 0) await scheduleSaga(tx, order.id, 'settle', ctx.now());
  else await tx`update orders set updated_at = now() where id = ${order.id}`;
  const shown = `${((paid + giftCards.reduce((sum, g) => sum + g.amount, 0)) / 100).toFixed(2)} ${order.currency}`;
  await notifyCustomer(tx, order.id, 'lines_cancelled', { fact: cancellationId, amount: shown });
}
