/** Reservation rows and their lines. */
import type { ShippingAddressSnapshot } from '@sauda/contracts';
import type { Queryable, Tx } from '@sauda/kit';

/** A reservation's status; one row per order, whatever happened to it. */
export type ReservationStatus = 'active' | 'committed' | 'released' | 'expired' | 'rejected' | 'cancelled';

/** A reservation row as use cases read it. */
export interface ReservationRow {
  id: string;
  order_id: string;
  order_number: string;
  status: ReservationStatus;
  shipping_address: ShippingAddressSnapshot | null;
}

/** One reserved line in one depot. */
export interface ReservationLineRow {
  line_id: string;
  variant_id: string;
  depot_id: string;
  quantity: number;
  sku: string;
  title: string;
  seller_id: string;
}

/** The order's reservation, locked for this transaction (handlers of one order then run one at a time). */
export async function lockReservation(tx: Tx, orderId: string): Promise<ReservationRow | undefined> {
  const [row] = await tx<ReservationRow[]>`
    select id, order_id, order_number, status, shipping_address from reservations
    where order_id = ${orderId} for update`;
  return row;
}

/** The lines of a reservation, in a fixed order (variant, depot) so level locks are taken consistently. */
export async function reservationLines(db: Queryable, reservationId: string): Promise<ReservationLineRow[]> {
  return db<ReservationLineRow[]>`
    select line_id, variant_id, depot_id, quantity, sku, title, seller_id from reservation_lines
    where reservation_id = ${reservationId} order by variant_id, depot_id`;
}

/** The lines of an order's reservation, ordered as `reservationLines`: sent behind `lockReservation`, one round trip. */
export async function orderReservationLines(db: Queryable, orderId: string): Promise<ReservationLineRow[]> {
  return db<ReservationLineRow[]>`
    select l.line_id, l.variant_id, l.depot_id, l.quantity, l.sku, l.title, l.seller_id
    from reservation_lines l join reservations r on r.id = l.reservation_id
    where r.order_id = ${orderId} order by l.variant_id, l.depot_id`;
}

/** Moves a reservation to a new status only from the expected one; false when it was not there. */
export async function moveReservation(
  tx: Tx,
  id: string,
  from: readonly ReservationStatus[],
  to: ReservationStatus,
): Promise<boolean> {
  const result = await tx`
    update reservations set status = ${to}, updated_at = now()
    where id = ${id} and status in ${tx(from)}`;
  return result.count === 1;
}
