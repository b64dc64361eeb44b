/** The live order page's steps (placed → stock reserved → payment → confirmed) and status helpers. */
import {
  checkoutSettled,
  type Order,
  type OrderStatus,
  type ReturnStatus,
  type SellerOrderStatus,
} from '@sauda/contracts';

export const CHECKOUT_STEPS = ['placed', 'reserved', 'payment', 'confirmed'] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];
export type StepState = 'done' | 'current' | 'action' | 'failed' | 'waiting';

const AFTER_CONFIRMATION: readonly OrderStatus[] = [
  'confirmed',
  'packed',
  'shipped',
  'out_for_delivery',
  'delivered',
];

/** Statuses at which the checkout is over: following stops there (the server's own definition). */
export const isSettled = checkoutSettled;

/** Whether the checkout ended for stock rather than payment, from the failure code and what happened. */
function failedAtStock(order: Pick<Order, 'failureReason' | 'history' | 'payment'>): boolean {
  const reason = order.failureReason ?? '';
  if (/STOCK|RESERV/i.test(reason)) return true;
  if (/PAY|CARD|DECLIN|3DS|CHALLENGE|ACTION/i.test(reason) || order.payment.status === 'failed') return false;
  return !order.history.some((entry) => ['awaiting_payment', 'requires_action'].includes(entry.status));
}

/** Each checkout step's state for an order, read from its status (and, when it failed, from why). */
export function checkoutSteps(
  order: Pick<Order, 'status' | 'failureReason' | 'history' | 'payment'>,
): Array<{ step: CheckoutStep; state: StepState }> {
  const states = ((): [StepState, StepState, StepState, StepState] => {
    switch (order.status) {
      case 'pending':
        return ['done', 'current', 'waiting', 'waiting'];
      case 'awaiting_payment':
        return ['done', 'done', 'current', 'waiting'];
      case 'requires_action':
        return ['done', 'done', 'action', 'waiting'];
      case 'failed':
      case 'cancelled':
        if (order.history.some((entry) => AFTER_CONFIRMATION.includes(entry.status as OrderStatus)))
          return ['done', 'done', 'done', 'done'];
        return failedAtStock(order)
          ? ['done', 'failed', 'waiting', 'waiting']
          : ['done', 'done', 'failed', 'waiting'];
      default:
        return ['done', 'done', 'done', 'done'];
    }
  })();
  return CHECKOUT_STEPS.map((step, i) => ({ step, state: states[i] ?? 'waiting' }));
}

/** The colour family of a status chip. */
export type Tone = 'progress' | 'ok' | 'bad' | 'attention' | 'neutral';

const TONES: Record<OrderStatus | SellerOrderStatus | ReturnStatus, Tone> = {
  pending: 'progress',
  awaiting_payment: 'progress',
  requires_action: 'attention',
  confirmed: 'progress',
  packed: 'progress',
  shipped: 'progress',
  out_for_delivery: 'progress',
  delivered: 'ok',
  cancelled: 'neutral',
  failed: 'bad',
  requested: 'attention',
  approved: 'progress',
  rejected: 'bad',
  in_transit: 'progress',
  received: 'progress',
  refunded: 'ok',
  refused_after_inspection: 'bad',
};

/** The tone of any order, seller order or return status (neutral for one this app does not know yet). */
export function toneOf(status: string): Tone {
  return Object.hasOwn(TONES, status) ? TONES[status as keyof typeof TONES] : 'neutral';
}

/** How many units of a line may still be returned. */
export function returnableQuantity(line: {
  quantity: number;
  cancelledQuantity: number;
  returnedQuantity: number;
}): number {
  return Math.max(0, line.quantity - line.cancelledQuantity - line.returnedQuantity);
}
