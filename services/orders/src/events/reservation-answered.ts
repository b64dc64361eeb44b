/**
 * `stock.reservation.confirmed.v1` → one seller order per seller per depot, then payment is due;
 * `stock.reservation.rejected.v1` → the order fails as out of stock (its codes are released);
 * `stock.reservation.released.v1` (expired) → noted: stock reserves again on confirmation or reports short.
 */
import type { ReservationConfirmed, ReservationRejected, ReservationReleased } from '@sauda/contracts';
import { afterCommit, type EventHandler, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { failOrder } from '../checkout/fail-order.ts';
import type { OrdersContext } from '../context.ts';
import {
  findOrder,
  noteStep,
  noteSteps,
  orderLines,
  scheduleClaimed,
  scheduleSaga,
} from '../data/orders-repo.ts';

/** Splits the order into seller orders by (seller, depot) and makes the payment step due. */
export function onReservationConfirmed(ctx: OrdersContext): EventHandler<typeof ReservationConfirmed> {
  return async (event, tx) => {
    // Pipelined: the lines are read after the order's row lock is taken, in the same round trip.
    const [order, lines] = await Promise.all([
      findOrder(tx, event.data.orderId, true),
      orderLines(tx, event.data.orderId),
    ]);
    if (!order || order.saga_state !== 'awaiting_stock' || order.status !== 'pending') return;
    const depotOf = new Map(event.data.lines.map((l) => [l.lineId, l.depotId]));
    const names = new Map(order.sellers.map((s) => [s.sellerId, s.sellerName]));
    const parts = new Map<
      string,
      { id: string; sellerId: string; depotId: string | null; total: number; lineIds: string[] }
    >();
    for (const line of lines) {
      const depotId = depotOf.get(line.id) ?? null;
      const key = `${line.seller_id}:${depotId}`;
      const part = parts.get(key) ?? {
        id: uuidv7(),
        sellerId: line.seller_id,
        depotId,
        total: 0,
        lineIds: [],
      };
      part.total += Number(line.total);
      part.lineIds.push(line.id);
      parts.set(key, part);
    }
    // Pipelined: one round trip for every statement below (issued in this order).
    await Promise.all([
      ...[...parts.values()].flatMap((part) => [
        tx`
        insert into seller_orders (id, order_id, seller_id, seller_name, depot_id, status, total)
        values (${part.id}, ${order.id}, ${part.sellerId}, ${names.get(part.sellerId) ?? 'Seller'}, ${part.depotId}, 'pending', ${part.total})`.execute(),
        tx`update order_lines set seller_order_id = ${part.id}, depot_id = ${part.depotId}
           where id in ${tx(part.lineIds)}`.execute(),
      ]),
      noteSteps(tx, order.id, [
        ['reserve_stock', 'succeeded', `${parts.size} seller order(s), until ${event.data.expiresAt}`],
        ['authorize_payment', 'started'],
      ]),
      authorizeNext(ctx, tx, order.id),
    ]);
  };
}

/**
 * Payment is due now: in a process that runs sagas, the step is claimed here and run after the commit
 * (one statement fewer, and no NOTIFY round through PostgreSQL); elsewhere it is announced to the runners.
 */
async function authorizeNext(ctx: OrdersContext, tx: Tx, orderId: string): Promise<void> {
  const runner = ctx.sagaRunner;
  if (!runner) return scheduleSaga(tx, orderId, 'authorize', ctx.now());
  const claimed = await scheduleClaimed(tx, orderId, 'authorize', ctx.settings.sagaLeaseMs);
  if (claimed) afterCommit(tx, () => runner.runClaimed(claimed));
}

/** Fails the order: nothing was reserved, so only the codes are released. */
export function onReservationRejected(ctx: OrdersContext): EventHandler<typeof ReservationRejected> {
  return async (event, tx) => {
    const order = await findOrder(tx, event.data.orderId, true);
    if (!order) return;
    const short = event.data.shortLines
      .map((l) => `${l.variantId}: ${l.available}/${l.requested}`)
      .join(', ');
    await noteStep(tx, order.id, 'reserve_stock', 'failed', short);
    await failOrder(ctx, tx, order, 'out_of_stock', short);
  };
}

/** An unpaid reservation ran out; stock re-reserves on confirmation if it can, else reports the lines short. */
export const onReservationReleased: EventHandler<typeof ReservationReleased> = async (event, tx) => {
  const order = await findOrder(tx, event.data.orderId);
  if (!order || event.data.reason !== 'expired') return;
  await noteStep(tx, order.id, 'reserve_stock', 'failed', 'reservation expired before payment');
};
