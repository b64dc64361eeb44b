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
import { applyMovement } from '../levels/movement.ts';
import { allocate, type Allocation, type ShortLine } from './allocate.ts';

type Order = EventData<typeof OrderPlaced>;

/** How many times a plan is retried when another checkout took the units between plan and update. */
const PLAN_ATTEMPTS = 3;

/** The outcome, for callers and tests. */
export type ReserveOutcome = 'confirmed' | 'rejected' | 'already-decided';

class PlanOutrun extends Error {}

/**
 * Decides the order once: the unique `order_id` makes a redelivered or re-published event a no-op. Units
 * are taken by one guarded statement per level, in a fixed order (variant, depot) so two orders never
 * deadlock; if any statement is refused the savepoint undoes the others and the plan is made again.
 */
export async function reserveStock(tx: Tx, order: Order, ttlMs: number): Promise<ReserveOutcome> {
  const reservationId = uuidv7();
  const expiresAt = new Date(Date.now() + ttlMs);
  const [claimed] = await tx`
    insert into reservations (id, order_id, order_number, status, shipping_address, expires_at)
    values (${reservationId}, ${order.orderId}, ${order.orderNumber}, 'active',
            ${JSON.stringify(order.shippingAddress)}::text::jsonb, ${expiresAt})
    on conflict (order_id) do nothing
    returning id`;
  if (!claimed) return 'already-decided';

  const depots = await openDepotPlaces(tx);
  const variants = order.lines.map((line) => line.variantId);
  let shortLines: ShortLine[] = [];
  for (let attempt = 1; attempt <= PLAN_ATTEMPTS; attempt += 1) {
    const plan = allocate(order.lines, depots, await availabilityOf(tx, variants), order.shippingAddress);
    if (!plan.ok) {
      shortLines = plan.shortLines;
      break;
    }
    const taken = await takeUnits(tx, reservationId, expiresAt, order, plan.allocations).then(
      () => true,
      (error: unknown) => {
        if (error instanceof PlanOutrun) return false;
        throw error;
      },
    );
    if (taken) {
      await checkLowStock(tx, variants, 'fell');
      return 'confirmed';
    }
  }
  if (shortLines.length === 0) shortLines = await currentShortLines(tx, order);
  await tx`update reservations set status = 'rejected', expires_at = null, updated_at = now() where id = ${reservationId}`;
  await appendEvent(tx, ReservationRejected, { orderId: order.orderId, shortLines });
  return 'rejected';
}

/**
 * A plan inside a savepoint: the reservation's lines and its event first, the guarded updates last, so
 * the level rows stay locked for as short a time as possible (a hot SKU queues on that lock). Every
 * update applies, or the savepoint undoes them all, lines and event included.
 */
async function takeUnits(
  tx: Tx,
  reservationId: string,
  expiresAt: Date,
  order: Order,
  allocations: readonly Allocation[],
): Promise<void> {
  const ordered = [...allocations].sort(
    (a, b) => a.variantId.localeCompare(b.variantId) || a.depotId.localeCompare(b.depotId),
  );
  await tx.savepoint(async (sp) => {
    await recordLines(sp, reservationId, order, allocations);
    await appendEvent(sp, ReservationConfirmed, {
      orderId: order.orderId,
      reservationId,
      expiresAt: expiresAt.toISOString(),
      lines: allocations.map(({ lineId, variantId, depotId, quantity }) => ({
        lineId,
        variantId,
        depotId,
        quantity,
      })),
    });
    for (const allocation of ordered) {
      const applied = await applyMovement(sp, {
        variantId: allocation.variantId,
        depotId: allocation.depotId,
        kind: 'reservation',
        delta: { reserved: allocation.quantity },
        ref: `order:${order.orderId}`,
      });
      if (!applied) throw new PlanOutrun();
    }
  });
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
