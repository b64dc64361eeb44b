/** Shipments: insert, lock, find, and the derived fields the log decides. */
import type {
  Money,
  ShipmentKind,
  ShipmentStatus,
  ShippingAddressSnapshot,
  TimeWindow,
} from '@sauda/contracts';
import type { Queryable, Tx } from '@sauda/kit';
import { s10Number } from '../tracking-numbers/s10.ts';

/** A line a shipment carries. */
export interface ShipmentLine {
  lineId: string;
  variantId: string;
  quantity: number;
}

/** A shipment as the use cases see it. */
export interface Shipment {
  id: string;
  trackingNumber: string;
  kind: ShipmentKind;
  orderId: string;
  orderNumber: string | null;
  customerId: string | null;
  parcelId: string | null;
  returnId: string | null;
  senderOf: string | null;
  sellerIds: string[];
  lines: ShipmentLine[];
  originDepotId: string | null;
  destinationDepotId: string | null;
  sortingCentreId: string | null;
  carrier: string | null;
  carrierRef: string | null;
  recipient: ShippingAddressSnapshot;
  weightGrams: number;
  dimensionsCm: { l: number; w: number; h: number };
  promisedDate: string;
  promisedBy: 'order' | 'rule';
  cashOnDelivery: Money | null;
  status: ShipmentStatus;
  statusAt: Date;
  eta: TimeWindow | null;
  failedAttempts: number;
  proof: Record<string, unknown> | null;
  createdAt: Date;
}

/** What a new shipment is made of (the log decides its status). */
export type ShipmentDraft = Omit<
  Shipment,
  'trackingNumber' | 'status' | 'statusAt' | 'eta' | 'failedAttempts' | 'proof' | 'createdAt'
>;

interface ShipmentRow {
  id: string;
  tracking_number: string;
  kind: ShipmentKind;
  order_id: string;
  order_number: string | null;
  customer_id: string | null;
  parcel_id: string | null;
  return_id: string | null;
  sender_of: string | null;
  seller_ids: string[];
  lines: ShipmentLine[];
  origin_depot_id: string | null;
  destination_depot_id: string | null;
  sorting_centre_id: string | null;
  carrier: string | null;
  carrier_ref: string | null;
  recipient: ShippingAddressSnapshot;
  weight_grams: number;
  dimensions_cm: { l: number; w: number; h: number };
  promised_on: string;
  promised_by: 'order' | 'rule';
  cod_amount: string | null;
  cod_currency: Money['currency'] | null;
  status: ShipmentStatus;
  status_at: Date;
  eta_from: Date | null;
  eta_to: Date | null;
  failed_attempts: number;
  proof: Record<string, unknown> | null;
  created_at: Date;
}

function toShipment(row: ShipmentRow): Shipment {
  return {
    id: row.id,
    trackingNumber: row.tracking_number,
    kind: row.kind,
    orderId: row.order_id,
    orderNumber: row.order_number,
    customerId: row.customer_id,
    parcelId: row.parcel_id,
    returnId: row.return_id,
    senderOf: row.sender_of,
    sellerIds: row.seller_ids,
    lines: row.lines,
    originDepotId: row.origin_depot_id,
    destinationDepotId: row.destination_depot_id,
    sortingCentreId: row.sorting_centre_id,
    carrier: row.carrier,
    carrierRef: row.carrier_ref,
    recipient: row.recipient,
    weightGrams: row.weight_grams,
    dimensionsCm: row.dimensions_cm,
    promisedDate: row.promised_on,
    promisedBy: row.promised_by,
    cashOnDelivery:
      row.cod_amount !== null && row.cod_currency !== null
        ? { amount: Number(row.cod_amount), currency: row.cod_currency }
        : null,
    status: row.status,
    statusAt: row.status_at,
    eta:
      row.eta_from && row.eta_to ? { from: row.eta_from.toISOString(), to: row.eta_to.toISOString() } : null,
    failedAttempts: row.failed_attempts,
    proof: row.proof,
    createdAt: row.created_at,
  };
}

/** The next S10 number (serials from a sequence: unique without a lock). */
export async function nextTrackingNumber(tx: Queryable): Promise<string> {
  const [row] = await tx<{ serial: string }[]>`select nextval('tracking_serial')::text as serial`;
  return s10Number(Number(row?.serial));
}

/**
 * Inserts a shipment unless one already exists for the same parcel, return, or returned shipment (the
 * natural keys under unique constraints); answers the new row, or null when it existed.
 */
export async function insertShipment(
  tx: Tx,
  draft: ShipmentDraft,
  first: { status: ShipmentStatus; at: Date },
): Promise<Shipment | null> {
  const trackingNumber = await nextTrackingNumber(tx);
  const rows = await tx<ShipmentRow[]>`
    insert into shipments (id, tracking_number, kind, order_id, order_number, customer_id, parcel_id, return_id,
      sender_of, seller_ids, lines, origin_depot_id, destination_depot_id, sorting_centre_id, carrier, carrier_ref,
      recipient, weight_grams, dimensions_cm, promised_date, promised_by, cod_amount, cod_currency,
      status, status_at, created_at)
    values (${draft.id}, ${trackingNumber}, ${draft.kind}, ${draft.orderId}, ${draft.orderNumber},
      ${draft.customerId}, ${draft.parcelId}, ${draft.returnId}, ${draft.senderOf}, ${draft.sellerIds}::uuid[],
      ${JSON.stringify(draft.lines)}::text::jsonb, ${draft.originDepotId}, ${draft.destinationDepotId},
      ${draft.sortingCentreId}, ${draft.carrier}, ${draft.carrierRef}, ${JSON.stringify(draft.recipient)}::text::jsonb,
      ${draft.weightGrams},
      ${JSON.stringify(draft.dimensionsCm)}::text::jsonb, ${draft.promisedDate}::date, ${draft.promisedBy},
      ${draft.cashOnDelivery?.amount ?? null}, ${draft.cashOnDelivery?.currency ?? null},
      ${first.status}, ${first.at}, ${first.at})
    on conflict do nothing
    returning *, promised_date::text as promised_on`;
  return rows[0] ? toShipment(rows[0]) : null;
}

/** Locks a shipment for the rest of the transaction (every log append goes through this, one at a time). */
export async function lockShipment(tx: Tx, id: string): Promise<Shipment | null> {
  const [row] = await tx<ShipmentRow[]>`
    select *, promised_date::text as promised_on from shipments where id = ${id} for update`;
  return row ? toShipment(row) : null;
}

/** One shipment by id. */
export async function findShipment(db: Queryable, id: string): Promise<Shipment | null> {
  const [row] = await db<
    ShipmentRow[]
  >`select *, promised_date::text as promised_on from shipments where id = ${id}`;
  return row ? toShipment(row) : null;
}

/** One shipment by tracking number. */
export async function findByTrackingNumber(db: Queryable, trackingNumber: string): Promise<Shipment | null> {
  const [row] = await db<ShipmentRow[]>`
    select *, promised_date::text as promised_on from shipments where tracking_number = ${trackingNumber}`;
  return row ? toShipment(row) : null;
}

/** The shipments of an order, oldest first. */
export async function shipmentsOfOrder(db: Queryable, orderId: string): Promise<Shipment[]> {
  const rows = await db<ShipmentRow[]>`
    select *, promised_date::text as promised_on from shipments where order_id = ${orderId}
    order by created_at, tracking_number`;
  return rows.map(toShipment);
}

/** The outbound shipment a parcel opened. */
export async function shipmentOfParcel(db: Queryable, parcelId: string): Promise<Shipment | null> {
  const [row] = await db<ShipmentRow[]>`
    select *, promised_date::text as promised_on from shipments where parcel_id = ${parcelId}`;
  return row ? toShipment(row) : null;
}

/** Open shipments a carrier carries (the polling fallback's work list). */
export async function openCarrierShipments(
  db: Queryable,
  carrier: string,
  limit: number,
): Promise<Shipment[]> {
  const rows = await db<ShipmentRow[]>`
    select *, promised_date::text as promised_on from shipments
    where carrier = ${carrier} and status not in ('delivered', 'returned_to_sender', 'lost', 'cancelled')
    order by updated_at limit ${limit}`;
  return rows.map(toShipment);
}

/** Stores the carrier's reference of a parcel handed over. */
export async function setCarrierRef(tx: Tx, id: string, ref: string): Promise<void> {
  await tx`update shipments set carrier_ref = ${ref}, updated_at = now() where id = ${id}`;
}

/** Stores what the log decided. */
export async function saveDerived(
  tx: Tx,
  id: string,
  derived: {
    status: ShipmentStatus;
    statusAt: Date;
    eta: TimeWindow | null;
    failedAttempts: number;
    proof: Record<string, unknown> | null;
  },
): Promise<void> {
  await tx`
    update shipments set status = ${derived.status}, status_at = ${derived.statusAt},
      eta_from = ${derived.eta?.from ?? null}, eta_to = ${derived.eta?.to ?? null},
      failed_attempts = ${derived.failedAttempts},
      proof = ${derived.proof ? JSON.stringify(derived.proof) : null}::text::jsonb, updated_at = now()
    where id = ${id}`;
}

/** Links a return (or return to sender) to the shipment it brings back; both directions read this row. */
export async function linkShipments(tx: Tx, shipmentId: string, originalId: string): Promise<void> {
  await tx`
    insert into shipment_links (shipment_id, original_id) values (${shipmentId}, ${originalId})
    on conflict do nothing`;
}

/** The shipments linked to one, in both directions. */
export async function linkedShipments(
  db: Queryable,
  id: string,
): Promise<Array<{ trackingNumber: string; kind: ShipmentKind; status: ShipmentStatus; original: boolean }>> {
  return db<Array<{ trackingNumber: string; kind: ShipmentKind; status: ShipmentStatus; original: boolean }>>`
    select s.tracking_number as "trackingNumber", s.kind, s.status, true as original
    from shipment_links l join shipments s on s.id = l.original_id where l.shipment_id = ${id}
    union all
    select s.tracking_number, s.kind, s.status, false
    from shipment_links l join shipments s on s.id = l.shipment_id where l.original_id = ${id}
    order by 1`;
}

/** Fills the customer and order number on an order's shipments once `orders` told us. */
export async function attachOrder(
  tx: Tx,
  orderId: string,
  customerId: string,
  orderNumber: string,
): Promise<void> {
  await tx`
    update shipments set customer_id = coalesce(customer_id, ${customerId}),
      order_number = coalesce(order_number, ${orderNumber}), updated_at = now()
    where order_id = ${orderId}`;
}

/** The order's own promised date replaces one set by rule (a confirmation that came after the parcel). */
export async function applyOrderPromise(tx: Tx, orderId: string, promisedDate: string): Promise<void> {
  await tx`
    update shipments set promised_date = ${promisedDate}::date, promised_by = 'order', updated_at = now()
    where order_id = ${orderId} and kind = 'outbound' and promised_by = 'rule'`;
}
