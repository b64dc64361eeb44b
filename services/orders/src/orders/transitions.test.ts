import type { OrderStatus, SellerOrderStatus } from '@sauda/contracts';
import { describe, expect, it } from 'vitest';
import {
  ORDER_TRANSITIONS,
  SELLER_ORDER_TRANSITIONS,
  assertOrderMove,
  canMoveOrder,
  deriveOrderStatus,
  mayCancel,
} from './transitions.ts';

const ALL = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];

describe('the order lifecycle table', () => {
  it('walks every pair: allowed moves pass, every other move is refused with TRANSITION_REFUSED', () => {
    for (const from of ALL) {
      for (const to of ALL) {
        const allowed = ORDER_TRANSITIONS[from].includes(to);
        expect(canMoveOrder(from, to), `${from} → ${to}`).toBe(allowed);
        if (allowed) expect(() => assertOrderMove(from, to)).not.toThrow();
        else expect(() => assertOrderMove(from, to)).toThrow(/TRANSITION_REFUSED|→/);
      }
    }
  });

  it('reaches every status from pending, and the terminal states lead nowhere', () => {
    const seen = new Set<OrderStatus>(['pending']);
    const queue: OrderStatus[] = ['pending'];
    while (queue.length > 0) {
      for (const next of ORDER_TRANSITIONS[queue.shift() as OrderStatus]) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    expect([...seen].sort()).toEqual([...ALL].sort());
    for (const terminal of ['delivered', 'cancelled', 'failed'] as const)
      expect(ORDER_TRANSITIONS[terminal]).toEqual([]);
  });

  it('never goes back once shipped, and never moves a seller order out of a terminal state', () => {
    const before = ['pending', 'awaiting_payment', 'requires_action', 'confirmed', 'packed'] as const;
    for (const from of ['shipped', 'out_for_delivery', 'delivered'] as const)
      for (const to of before) expect(canMoveOrder(from, to)).toBe(false);
    const parts = Object.keys(SELLER_ORDER_TRANSITIONS) as SellerOrderStatus[];
    for (const terminal of ['delivered', 'cancelled'] as const)
      expect(SELLER_ORDER_TRANSITIONS[terminal]).toEqual([]);
    expect(parts).toHaveLength(7);
  });

  it.each([
    ['pending', 'customer', true],
    ['confirmed', 'customer', true],
    ['packed', 'customer', false],
    ['packed', 'seller', true],
    ['packed', 'admin', true],
    ['shipped', 'admin', false],
    ['delivered', 'admin', false],
    ['failed', 'system', false],
  ] as const)('cancelling a %s order by the %s: %s', (status, by, expected) => {
    expect(mayCancel(status, by)).toBe(expected);
  });

  it.each([
    [['confirmed', 'packed'], 'confirmed'],
    [['packed', 'shipped'], 'packed'],
    [['delivered', 'cancelled'], 'delivered'],
    [['cancelled', 'cancelled'], 'cancelled'],
    [['pending'], 'confirmed'],
    [['out_for_delivery', 'delivered'], 'out_for_delivery'],
  ] as const)('derives the customer order from its parts %j → %s', (parts, expected) => {
    expect(deriveOrderStatus(parts)).toBe(expected);
  });
});
