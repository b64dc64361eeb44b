/** `orders.order.placed.v1` → reserve every line at once in the chosen depots, or reject the order. */
import {
  ReservationConfirmed,
  ReservationRejected,
  type EventData,
  type OrderPlaced,
} from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { availabilityOf, openDepotPlaces } from '../data/availability-repo.ts';
import { checkLowStock } from '../levels/check-low-stock.ts';
import { applyMovements, type Movement } from '../levels/movement.ts';
import { allocate, type Allocation, type ShortLine } from './allocate.ts';

type Order = EventData<typeof OrderPlaced>;

/** How many times a plan is retried when another checkout took the units between plan and update. */
const PLAN_ATTEMPTS = 3;

/** The outcome, for callers and tests. */
export type ReserveOutcome = 'confirmed' | 'rejected' | 'already-decided';

/**
 * Decides the order once: the unique `order_id` makes a redelivered or re-published event a no-op. The
 * plan's units are taken by one all-or-nothing statement; when another checkout took them first nothing
 * changed and the plan is made again. Independent statements share a round trip (postgres.js pipelines
 * what is sent in the same tick; they still run in the order sent).
 */
export async function reserveStock(tx: Tx, order: Order, ttlMs: number): Promise<ReserveOutcome> {
  const reservationId = uuidv7();
  const expiresAt = new Date(Date.now() + ttlMs);
  const variants = order.lines.map((line) => line.variantId);
  const [[claimed], depots, firstAvailability] = await Promise.all([
    tx`
      insert into reservations (id, order_id, order_number, status, shipping_address, expires_at)
      values (${reservationId}, ${order.orderId}, ${order.orderNumber}, 'active',
              ${JSON.stringify(order.shippingAddress)}::text::jsonb, ${expiresAt})
      on conflict (order_id) do nothing
      returning id`,
    openDepotPlaces(tx),
    availabilityOf(tx, variants),
  ]);
  if (!claimed) return 'already-decided';

  let shortLines: ShortLine[] = [];
  for (let attempt = 1; attempt <= PLAN_ATTEMPTS; attempt += 1) {
    const availability = attempt === 1 ? firstAvailability : await availabilityOf(tx, variants);
    const plan = allocate(order.lines, depots, availability, order.shippingAddress);
    if (!plan.ok) {
      shortLines = plan.shortLines;
      break;
    }
    if (await takeUnits(tx, reservationId, expiresAt, order, plan.allocations)) return 'confirmed';
  }
  if (shortLines.length === 0) shortLines = await currentShortLines(tx, order);
  await Promise.all([
    tx`update reservations set status = 'rejected', expires_at = null, updated_at = now() where id = ${reservationId}`,
    appendEvent(tx, ReservationRejected, { orderId: order.orderId, shortLines }),
  ]);
  return 'rejected';
}

/**
 * Takes a plan's units, all or none; false when the plan was outrun. The reservation's lines, its event
 * and the low-stock check follow only a successful take, in the round trip that announces the levels.
 */
async function takeUnits(
  tx: Tx,
  reservationId: string,
  expiresAt: Date,
  order: Order,
  allocations: readonly Allocation[],
): Promise<boolean> {
  const movements = allocations.map((allocation): Movement => ({
    variantId: allocation.variantId,
    depotId: allocation.depotId,
    kind: 'reservation',
    delta: { reserved: allocation.quantity },
    ref: `order:${order.orderId}`,
  }));
  return applyMovements(tx, movements, () =>
    Promise.all([
      recordLines(tx, reservationId, order, allocations),
      appendEvent(tx, ReservationConfirmed, {
        orderId: order.orderId,
        reservationId,
        expiresAt: expiresAt.toISOString(),
        lines: allocations.map(({ lineId, variantId, depotId, quantity }) => ({
          lineId,
          variantId,
          depotId,
          quantity,
        })),
      }),
      checkLowStock(
        tx,
        allocations.map((a) => a.variantId),
        'fell',
      ),
    ]),
  );
}

async function recordLines(
  tx: Tx,
  reservationId: string,
  order: Order,
  allocations: readonly Allocation[],
): Promise<void> {
  const byLine = new Map(order.lines.map((line) => [line.lineId, line]));
  const rows = allocations.map((a) => {
    const line = byLine.get(a.lineId);
    return {
      reservation_id: reservationId,
      line_id: a.lineId,
      variant_id: a.variantId,
      depot_id: a.depotId,
      quantity: a.quantity,
      sku: line?.sku ?? '',
      title: line?.title ?? '',
      seller_id: line?.sellerId ?? '',
    };
  });
  await tx`insert into reservation_lines ${tx(rows)}`;
}

/** After repeated outruns: what the depots hold now for each line (the rejection's explanation). */
async function currentShortLines(tx: Tx, order: Order): Promise<ShortLine[]> {
  const availability = await availabilityOf(
    tx,
    order.lines.map((line) => line.variantId),
  );
  return order.lines.map((line) => {
    let available = 0;
    for (const depot of availability.values()) available += Math.max(0, depot.get(line.variantId) ?? 0);
    return { lineId: line.lineId, variantId: line.variantId, requested: line.quantity, available };
  });
}
