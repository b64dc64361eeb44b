import type { Order } from '@sauda/contracts';
import { describe, expect, it } from 'vitest';
import { checkoutSteps, isSettled, returnableQuantity, toneOf, type StepState } from './progress.ts';

type Probe = Pick<Order, 'status' | 'failureReason' | 'history' | 'payment'>;
const at = '2026-11-21T10:00:00Z';
const order = (over: Partial<Probe>): Probe => ({
  status: 'pending',
  failureReason: null,
  history: [{ status: 'pending', at, note: null }],
  payment: { method: 'card', status: 'pending', intentId: null, actionUrl: null, failureReason: null },
  ...over,
});
const states = (probe: Probe): StepState[] => checkoutSteps(probe).map((step) => step.state);

describe('the live order steps', () => {
  it.each<[Partial<Probe>, StepState[]]>([
    [{ status: 'pending' }, ['done', 'current', 'waiting', 'waiting']],
    [{ status: 'awaiting_payment' }, ['done', 'done', 'current', 'waiting']],
    [{ status: 'requires_action' }, ['done', 'done', 'action', 'waiting']],
    [{ status: 'confirmed' }, ['done', 'done', 'done', 'done']],
    [{ status: 'delivered' }, ['done', 'done', 'done', 'done']],
    [{ status: 'failed', failureReason: 'out_of_stock' }, ['done', 'failed', 'waiting', 'waiting']],
    [{ status: 'failed', failureReason: 'payment_declined' }, ['done', 'done', 'failed', 'waiting']],
    [{ status: 'failed', failureReason: 'payment_action_abandoned' }, ['done', 'done', 'failed', 'waiting']],
    [
      {
        status: 'failed',
        failureReason: 'SOMETHING_ELSE',
        history: [
          { status: 'pending', at, note: null },
          { status: 'awaiting_payment', at, note: null },
        ],
      },
      ['done', 'done', 'failed', 'waiting'],
    ],
    [{ status: 'failed', failureReason: 'SOMETHING_ELSE' }, ['done', 'failed', 'waiting', 'waiting']],
  ])('%o shows %o', (over, expected) => {
    expect(states(order(over))).toEqual(expected);
  });

  it('never shows a step done after one that failed or waits', () => {
    for (const status of ['pending', 'awaiting_payment', 'requires_action', 'failed', 'cancelled'] as const) {
      const list = states(order({ status }));
      const firstOpen = list.findIndex((state) => state !== 'done');
      if (firstOpen >= 0) expect(list.slice(firstOpen).includes('done')).toBe(false);
    }
  });

  it('follows through 3-D Secure and stops once the checkout is over', () => {
    const following = ['pending', 'awaiting_payment', 'requires_action'] as const;
    expect(following.map((status) => isSettled(status))).toEqual([false, false, false]);
    const over = ['confirmed', 'delivered', 'failed', 'cancelled'] as const;
    expect(over.every((status) => isSettled(status))).toBe(true);
  });
});

describe('status helpers', () => {
  it('gives every status a tone, and unknown ones a neutral one', () => {
    expect([toneOf('delivered'), toneOf('failed'), toneOf('requires_action'), toneOf('whatever')]).toEqual([
      'ok',
      'bad',
      'attention',
      'neutral',
    ]);
  });

  it('returns at most what was neither cancelled nor already returned', () => {
    expect(returnableQuantity({ quantity: 5, cancelledQuantity: 1, returnedQuantity: 2 })).toBe(2);
    expect(returnableQuantity({ quantity: 1, cancelledQuantity: 1, returnedQuantity: 1 })).toBe(0);
  });
});
