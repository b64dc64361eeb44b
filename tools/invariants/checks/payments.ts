/** Money taken from customers: never twice, and what payment captured is what orders think was paid. */
import type { Db } from '@sauda/kit';
import { hasTable } from '../databases.ts';
import { absent, num, verdict, type CheckContext, type Invariant } from '../types.ts';

interface IntentRow {
  id: string;
  order_id: string;
  method: string;
  provider: string;
  provider_ref: string | null;
  status: string;
  amount: string;
  amount_captured: string;
  amount_refunded: string;
  refunds: string;
}

async function intentsSince(payment: Db, ctx: CheckContext): Promise<IntentRow[]> {
  return payment<IntentRow[]>`
    select i.id, i.order_id, i.method, i.provider, i.provider_ref, i.status, i.amount, i.amount_captured,
      i.amount_refunded, coalesce((select sum(r.amount) from refunds r where r.intent_id = i.id), 0) as refunds
    from payment_intents i where i.created_at >= ${ctx.since} order by i.created_at`;
}

function byOrder(intents: readonly IntentRow[]): Map<string, IntentRow[]> {
  const map = new Map<string, IntentRow[]>();
  for (const intent of intents) map.set(intent.order_id, [...(map.get(intent.order_id) ?? []), intent]);
  return map;
}

/**
 * No order charged twice: at most one live intent and one capturing intent per order, the bank captured
 * exactly what the intent says, and a failed or cancelled order keeps none of the customer's money.
 */
export const noDoubleCharge: Invariant = {
  name: 'no order charged twice',
  async run(ctx) {
    const payment = ctx.db('payment');
    if (!payment) return absent('payment');
    const intents = await intentsSince(payment, ctx);
    const violations: string[] = [];
    for (const [orderId, list] of byOrder(intents)) {
      const live = list.filter((i) => !['failed', 'voided'].includes(i.status));
      const capturing = list.filter((i) => num(i.amount_captured) > 0);
      if (live.length > 1) violations.push(`order ${orderId} has ${live.length} live payment intents`);
      if (capturing.length > 1)
        violations.push(`order ${orderId} was captured by ${capturing.length} intents`);
    }
    if (await hasTable(payment, 'sandbox_authorizations')) {
      const bank = await payment<{ ref: string; captured: string; intent_captured: string | null }[]>`
        select a.ref, a.captured, i.amount_captured as intent_captured
        from sandbox_authorizations a
        left join payment_intents i on i.provider = 'sandbox' and i.provider_ref = a.ref
        where a.created_at >= ${ctx.since} and a.captured > 0
          and (i.id is null or i.amount_captured <> a.captured)`;
      for (const row of bank)
        violations.push(
          row.intent_captured === null
            ? `the bank captured ${row.captured} on ${row.ref}, which no payment intent knows`
            : `the bank captured ${row.captured} on ${row.ref}, its intent says ${row.intent_captured}`,
        );
    }
    const orders = ctx.db('orders');
    if (orders) {
      const ended = await orders<{ id: string; number: string; status: string }[]>`
        select id, number, status from orders
        where placed_at >= ${ctx.since} and status in ('failed', 'cancelled') and saga_next_at is null`;
      const intentsOf = byOrder(intents);
      for (const order of ended) {
        for (const intent of intentsOf.get(order.id) ?? []) {
          const kept = num(intent.amount_captured) - num(intent.amount_refunded);
          if (kept > 0) violations.push(`${order.number} is ${order.status} but ${kept} stays captured`);
          if (intent.status === 'authorized')
            violations.push(`${order.number} is ${order.status} but its authorization was never voided`);
        }
      }
    }
    return verdict(intents.length, violations);
  },
};

/**
 * Captured = the totals of paid orders minus refunds: per order, `orders` records the capture and refunds
 * that `payment` made, and the sums agree (cash on delivery is settled by payment alone and left out).
 */
export const capturedMatchesOrders: Invariant = {
  name: 'captured = paid orders minus refunds',
  async run(ctx) {
    const payment = ctx.db('payment');
    const orders = ctx.db('orders');
    if (!payment) return absent('payment');
    if (!orders) return absent('orders');
    const intents = (await intentsSince(payment, ctx)).filter((i) => i.method !== 'cod');
    const rows = await orders<
      { id: string; number: string; payable: string; captured_amount: string; refunded: string }[]
    >`
      select id, number, payable, captured_amount, refunded from orders
      where placed_at >= ${ctx.since} and payment_method <> 'cod' and saga_next_at is null`;
    const intentsOf = byOrder(intents);
    const violations: string[] = [];
    let paymentNet = 0;
    let ordersNet = 0;
    for (const order of rows) {
      const list = intentsOf.get(order.id) ?? [];
      const captured = list.reduce((sum, i) => sum + num(i.amount_captured), 0);
      const refunded = list.reduce((sum, i) => sum + num(i.refunds), 0);
      const recorded = list.reduce((sum, i) => sum + num(i.amount_refunded), 0);
      paymentNet += captured - refunded;
      ordersNet += num(order.captured_amount) - num(order.refunded);
      if (captured !== num(order.captured_amount))
        violations.push(
          `${order.number}: payment captured ${captured}, orders recorded ${order.captured_amount}`,
        );
      if (refunded !== num(order.refunded))
        violations.push(`${order.number}: payment refunded ${refunded}, orders recorded ${order.refunded}`);
      if (refunded !== recorded)
        violations.push(`${order.number}: refunds sum to ${refunded}, the intents say ${recorded}`);
      if (captured > num(order.payable))
        violations.push(`${order.number}: captured ${captured}, more than the ${order.payable} payable`);
    }
    if (paymentNet !== ordersNet)
      violations.push(
        `in total payment kept ${paymentNet}, the paid orders minus refunds come to ${ordersNet}`,
      );
    return verdict(rows.length, violations);
  },
};
