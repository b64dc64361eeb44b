/** SQL for stops: the row shape, its API view, and the queries rounds and the driver app share. */
import type { Stop } from '@sauda/contracts';
import type { Queryable, Tx } from '@sauda/kit';

/** A stop row as selected by `STOP_COLUMNS`. */
export interface StopRow {
  id: string;
  shipment_id: string;
  tracking_number: string;
  kind: 'delivery' | 'pickup';
  order_id: string;
  status: Stop['status'];
  centre_id: string;
  recipient_name: string;
  phone: string;
  address: string;
  lat: number;
  lng: number;
  weight_grams: number;
  volume_litres: number;
  service_seconds: number;
  window_from: Date | null;
  window_to: Date | null;
  promised_day: string;
  cod_amount: string | null;
  cod_currency: string | null;
  pin: string;
  urgent: boolean;
  round_id: string | null;
  sequence: number | null;
  locked: boolean;
  planned_arrival: Date | null;
  eta_from: Date | null;
  eta_to: Date | null;
  loaded_at: Date | null;
  unassigned_reason: Stop['unassignedReason'];
  failure_reason: Stop['failureReason'];
  completed_at: Date | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The API view of a stop row (the PIN never leaves the service). */
export function stopOf(row: StopRow): Stop {
  return {
    id: row.id,
    shipmentId: row.shipment_id,
    trackingNumber: row.tracking_number,
    kind: row.kind,
    status: row.status,
    centreId: row.centre_id,
    recipientName: row.recipient_name,
    phone: row.phone,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    weightGrams: row.weight_grams,
    volumeLitres: row.volume_litres,
    serviceSeconds: row.service_seconds,
    window:
      row.window_from && row.window_to
        ? { from: row.window_from.toISOString(), to: row.window_to.toISOString() }
        : null,
    promisedDate: row.promised_day,
    cashOnDelivery:
      row.cod_amount !== null && row.cod_currency
        ? { amount: Number(row.cod_amount), currency: row.cod_currency as 'KZT' }
        : null,
    urgent: row.urgent,
    roundId: row.round_id,
    sequence: row.sequence,
    locked: row.locked,
    plannedArrival: iso(row.planned_arrival),
    eta:
      row.eta_from && row.eta_to ? { from: row.eta_from.toISOString(), to: row.eta_to.toISOString() } : null,
    unassignedReason: row.unassigned_reason,
    failureReason: row.failure_reason,
    completedAt: iso(row.completed_at),
  };
}

/**
 * Waiting stops of a centre on no round: everything at the centre may go out on `day` (a parcel promised for
 * later can go early); the earliest promises and urgent parcels first.
 */
export async function selectWaitingStops(db: Queryable, centreId: string, day: string): Promise<StopRow[]> {
  return db<StopRow[]>`
    select *, promised_date::text as promised_day from stops
    where centre_id = ${centreId} and status = 'waiting' and round_id is null
    order by urgent desc, promised_date <= ${day} desc, promised_date, tracking_number`;
}

/** Every stop on the given rounds, in round order. */
export async function selectRoundStops(db: Queryable, roundIds: string[]): Promise<StopRow[]> {
  if (roundIds.length === 0) return [];
  return db<StopRow[]>`
    select *, promised_date::text as promised_day from stops
    where round_id = any(${roundIds}::uuid[]) order by round_id, sequence`;
}

/** One stop, locked for update. */
export async function lockStop(db: Queryable, id: string): Promise<StopRow | undefined> {
  const [row] = await db<StopRow[]>`
    select *, promised_date::text as promised_day from stops where id = ${id} for update`;
  return row;
}

/**
 * Serializes the handlers of one shipment (its `created` and a status that overtook it): without it, both
 * transactions could miss each other's uncommitted row and the early status would be lost.
 */
export async function lockShipment(tx: Tx, shipmentId: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${shipmentId}, 0))`;
}
