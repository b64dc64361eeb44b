/**
 * The customer order's and the seller order's lifecycles as data: the allowed moves plus small guards
 * (who may cancel when). Every status change goes through `assertOrderMove` / `canMoveSellerOrder`.
 */
import type { OrderStatus, SellerOrderStatus } from '@sauda/contracts';
import { TransitionRefused } from '../errors.ts';

/** Forward progress after confirmation may skip steps: events from stock and shipping can overtake each other. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['awaiting_payment', 'requires_action', 'confirmed', 'failed', 'cancelled'],
  awaiting_payment: ['requires_action', 'confirmed', 'failed', 'cancelled'],
  requires_action: ['awaiting_payment', 'confirmed', 'failed', 'cancelled'],
  confirmed: ['packed', 'shipped', 'out_for_delivery', 'delivered', 'cancelled'],
  packed: ['shipped', 'out_for_delivery', 'delivered', 'cancelled'],
  shipped: ['out_for_delivery', 'delivered'],
  out_for_delivery: ['delivered'],
  delivered: [],
  cancelled: [],
  failed: [],
};

export const SELLER_ORDER_TRANSITIONS: Readonly<Record<SellerOrderStatus, readonly SellerOrderStatus[]>> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: ['packed', 'shipped', 'out_for_delivery', 'delivered', 'cancelled'],
  packed: ['shipped', 'out_for_delivery', 'delivered', 'cancelled'],
  shipped: ['out_for_delivery', 'delivered'],
  out_for_delivery: ['delivered'],
  delivered: [],
  cancelled: [],
};

/** True when the order may move from `from` to `to`. */
export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** Throws TRANSITION_REFUSED when the move is not in the table. */
export function assertOrderMove(from: OrderStatus, to: OrderStatus): void {
  if (!canMoveOrder(from, to)) throw new TransitionRefused(`${from} → ${to}`);
}

/** True when the seller order may move from `from` to `to`. */
export function canMoveSellerOrder(from: SellerOrderStatus, to: SellerOrderStatus): boolean {
  return SELLER_ORDER_TRANSITIONS[from].includes(to);
}

/** Who asks for a cancellation. */
export type Canceller = 'customer' | 'seller' | 'admin' | 'system';

/**
 * Guards on cancellation: the customer only before packing; a seller (out of stock) and an admin until the
 * parcel leaves (packed); the saga itself (payment failure) before confirmation.
 */
export function mayCancel(status: OrderStatus, by: Canceller): boolean {
  if (!canMoveOrder(status, 'cancelled')) return false;
  if (by === 'customer') return status !== 'packed';
  return true;
}

/** A seller order's line may be cancelled until it is shipped. */
export function maySellerOrderCancel(status: SellerOrderStatus): boolean {
  return canMoveSellerOrder(status, 'cancelled');
}

const RANK: Record<SellerOrderStatus, number> = {
  pending: 0,
  confirmed: 1,
  packed: 2,
  shipped: 3,
  out_for_delivery: 4,
  delivered: 5,
  cancelled: 99,
};

/**
 * The customer order's status once confirmed, from its seller orders: the least advanced live one
 * (the order is "shipped" only when every live part is); all cancelled → cancelled.
 */
export function deriveOrderStatus(parts: readonly SellerOrderStatus[]): OrderStatus | undefined {
  const live = parts.filter((s) => s !== 'cancelled');
  if (parts.length === 0) return undefined;
  if (live.length === 0) return 'cancelled';
  const least = live.reduce((a, b) => (RANK[a] <= RANK[b] ? a : b));
  return least === 'pending' ? 'confirmed' : least;
}
