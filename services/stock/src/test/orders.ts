/** Test support: order events as `orders` will publish them, handled the way the consumer handles them. */
import {
  DEMO_IDS,
  type EventData,
  type OrderCancelled,
  type OrderConfirmed,
  type OrderPlaced,
} from '@sauda/contracts';
import { withTransaction, type Db } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { cancelReservation } from '../reservations/cancel-reservation.ts';
import { commitReservation } from '../reservations/commit-reservation.ts';
import { reserveStock } from '../reservations/reserve-stock.ts';

/** Almaty, near the Almaty depot. */
export const ALMATY = { countryCode: 'KZ', city: 'Almaty', line1: 'Abay Ave 10', lat: 43.2389, lng: 76.8897 };
/** Astana, near the Astana depot. */
export const ASTANA = {
  countryCode: 'KZ',
  city: 'Astana',
  line1: 'Kabanbay Batyr 5',
  lat: 51.1694,
  lng: 71.4491,
};

/** The data of an `orders.order.placed.v1` for these variants and quantities. */
export function placed(
  lines: Array<{ variantId: string; quantity: number; sku?: string }>,
  address = ALMATY,
): EventData<typeof OrderPlaced> {
  const orderId = uuidv7();
  return {
    orderId,
    orderNumber: `SD-${orderId.slice(-8).toUpperCase()}`,
    customerId: DEMO_IDS.customer,
    placedAt: new Date().toISOString(),
    shippingAddress: address,
    lines: lines.map((line) => ({
      lineId: uuidv7(),
      variantId: line.variantId,
      sku: line.sku ?? 'SKU-TEST',
      productId: uuidv7(),
      sellerId: DEMO_IDS.seller,
      title: 'Test item',
      quantity: line.quantity,
    })),
  };
}

/** Handles a placement in its own transaction, as the consumer would. */
export function place(db: Db, order: EventData<typeof OrderPlaced>, ttlMs = 15 * 60_000) {
  return withTransaction(db, (tx) => reserveStock(tx, order, ttlMs));
}

/** Handles a confirmation. */
export function confirm(db: Db, orderId: string) {
  const data: EventData<typeof OrderConfirmed> = { orderId, confirmedAt: new Date().toISOString() };
  return withTransaction(db, (tx) => commitReservation(tx, data));
}

/** Handles a cancellation. */
export function cancel(db: Db, orderId: string, reason = 'payment failed') {
  const data: EventData<typeof OrderCancelled> = { orderId, reason, cancelledAt: new Date().toISOString() };
  return withTransaction(db, (tx) => cancelReservation(tx, data));
}

/** The level of a variant in a depot. */
export async function level(db: Db, variantId: string, depotId: string) {
  const [row] = await db<
    { on_hand: number; reserved: number; committed: number; unavailable: number; incoming: number }[]
  >`
    select on_hand, reserved, committed, unavailable, incoming from stock_levels
    where variant_id = ${variantId} and depot_id = ${depotId}`;
  return row;
}

/** Events of one type in the outbox, oldest first. */
export async function outboxOf<T>(db: Db, type: string): Promise<T[]> {
  const rows = await db<{ payload: T }[]>`select payload from outbox where type = ${type} order by id`;
  return rows.map((row) => row.payload);
}

/** A fresh SKU of the demo seller with these on-hand units per depot, written through the ledger. */
export async function freshSku(db: Db, units: Record<string, number>): Promise<string> {
  const variantId = uuidv7();
  await db`insert into skus (variant_id, sku, product_id, seller_id, title)
           values (${variantId}, ${`SKU-${variantId.slice(-6).toUpperCase()}`}, ${uuidv7()}, ${DEMO_IDS.seller}, 'Fresh SKU')`;
  for (const [depotId, onHand] of Object.entries(units)) {
    await db`insert into stock_levels (variant_id, depot_id, on_hand) values (${variantId}, ${depotId}, ${onHand})`;
    await db`insert into movements (variant_id, depot_id, kind, on_hand) values (${variantId}, ${depotId}, 'receipt', ${onHand})`;
  }
  return variantId;
}
