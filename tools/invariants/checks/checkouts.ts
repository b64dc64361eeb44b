/**
 * Checkouts end: every accepted checkout (an `orders` row) left the saga's waiting states, and stock's
 * reservation agrees with how the order ended.
 */
import { absent, verdict, type Invariant } from '../types.ts';

/**
 * Still waiting after the recovery window is a stuck saga, except `requires_action`: that waits for the
 * customer (3-D Secure), not for the system, and times out on its own (PAYMENT_ACTION_TIMEOUT_MS).
 */
export const WAITING_ON_SYSTEM = ['pending', 'awaiting_payment'] as const;

/** Statuses after a confirmed checkout (the order then follows its seller orders). */
export const CONFIRMED_OR_LATER = [
  'confirmed',
  'packed',
  'shipped',
  'out_for_delivery',
  'delivered',
] as const;

/** Every checkout accepted in the window reached an end (or waits on the customer); no saga step is overdue. */
export const checkoutsSettled: Invariant = {
  name: 'checkouts reached a terminal state',
  async run(ctx) {
    const orders = ctx.db('orders');
    if (!orders) return absent('orders');
    const [count] = await orders<{ n: number }[]>`
      select count(*)::int as n from orders where placed_at >= ${ctx.since}`;
    const stuck = await orders<
      { number: string; status: string; saga_state: string; saga_next_at: Date | null; placed_at: Date }[]
    >`
      select number, status, saga_state, saga_next_at, placed_at from orders
      where placed_at >= ${ctx.since}
        and ((status = any(${[...WAITING_ON_SYSTEM]}) and placed_at < ${ctx.settledBefore})
          or saga_next_at < ${ctx.settledBefore})
      order by placed_at`;
    const violations = stuck.map((o) =>
      o.saga_next_at && o.saga_next_at < ctx.settledBefore
        ? `${o.number} (${o.status}): saga step ${o.saga_state} overdue since ${o.saga_next_at.toISOString()}`
        : `${o.number} still ${o.status} (saga ${o.saga_state}), placed ${o.placed_at.toISOString()}`,
    );
    return verdict(count?.n ?? 0, violations);
  },
};

/**
 * Stock agrees with the saga's outcome: a confirmed order's reservation is committed (the units are sold),
 * and a failed or cancelled order holds no active reservation (nothing stays locked for a lost sale).
 */
export const reservationsFollowOrders: Invariant = {
  name: 'stock reservations follow orders',
  async run(ctx) {
    const orders = ctx.db('orders');
    const stock = ctx.db('stock');
    if (!orders) return absent('orders');
    if (!stock) return absent('stock');
    const ended = await orders<{ id: string; number: string; status: string }[]>`
      select id, number, status from orders
      where placed_at >= ${ctx.since} and placed_at < ${ctx.settledBefore}
        and saga_next_at is null and status not in ('requires_action', 'pending', 'awaiting_payment')`;
    const ids = ended.map((o) => o.id);
    const reservations = await stock<{ order_id: string; status: string }[]>`
      select order_id, status from reservations where order_id = any(${ids}::uuid[])`;
    const byOrder = new Map(reservations.map((r) => [r.order_id, r.status]));
    const violations: string[] = [];
    for (const order of ended) {
      const reservation = byOrder.get(order.id);
      const confirmed = (CONFIRMED_OR_LATER as readonly string[]).includes(order.status);
      if (confirmed && reservation !== 'committed')
        violations.push(
          `${order.number} is ${order.status} but its reservation is ${reservation ?? 'missing'}`,
        );
      if (!confirmed && reservation === 'active')
        violations.push(`${order.number} is ${order.status} but its reservation is still active`);
      if (order.status === 'failed' && reservation === 'committed')
        violations.push(`${order.number} failed but its reservation was committed`);
    }
    return verdict(ended.length, violations);
  },
};
