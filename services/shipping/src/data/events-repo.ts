/** The tracking log: append (deduplicated by source and external id) and read. It has no update and no delete. */
import type { NextAction, ShipmentStatus, TimeWindow, TrackingCode, TrackingPlace } from '@sauda/contracts';
import type { Queryable, Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';

/** What a new log entry says. */
export interface NewTrackingEvent {
  code: TrackingCode;
  occurredAt: Date;
  /** Who reported it: `stock`, `dispatching`, `scan`, `support`, `carrier:<name>`, `shipping`. */
  source: string;
  /** The reporter's own id of the fact; the same fact reported twice is logged once. */
  externalId: string;
  timeZone?: string;
  place?: TrackingPlace | null;
  reason?: string | null;
  nextAction?: NextAction | null;
  note?: string | null;
  actor?: string | null;
  rawCode?: string | null;
  rawMessage?: string | null;
  raw?: unknown;
  proof?: Record<string, unknown> | null;
  eta?: TimeWindow | null;
}

/** A log entry as read back. */
export interface TrackingEvent {
  id: string;
  shipmentId: string;
  code: TrackingCode;
  status: ShipmentStatus | null;
  reason: string | null;
  nextAction: NextAction | null;
  note: string | null;
  occurredAt: Date;
  timeZone: string;
  place: TrackingPlace | null;
  actor: string | null;
  source: string;
  externalId: string;
  rawCode: string | null;
  rawMessage: string | null;
  raw: unknown;
  proof: Record<string, unknown> | null;
  eta: TimeWindow | null;
  recordedAt: Date;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** Appends one entry; answers its id, or null when the same (source, external id) is already logged. */
export async function appendTrackingEvent(
  tx: Tx,
  shipmentId: string,
  status: ShipmentStatus | null,
  event: NewTrackingEvent,
): Promise<string | null> {
  const rows = await tx<{ id: string }[]>`
    insert into tracking_events (id, shipment_id, code, status, reason, next_action, note, occurred_at, time_zone,
      place, actor, source, external_id, raw_code, raw_message, raw, proof, eta_from, eta_to)
    values (${uuidv7()}, ${shipmentId}, ${event.code}, ${status}, ${event.reason ?? null},
      ${event.nextAction ?? null}, ${event.note ?? null}, ${event.occurredAt},
      ${event.timeZone ?? 'Asia/Almaty'}, ${json(event.place)}::text::jsonb, ${event.actor ?? null},
      ${event.source}, ${event.externalId}, ${event.rawCode ?? null}, ${event.rawMessage ?? null},
      ${json(event.raw)}::text::jsonb, ${json(event.proof)}::text::jsonb, ${event.eta?.from ?? null},
      ${event.eta?.to ?? null})
    on conflict (source, external_id) do nothing
    returning id`;
  return rows[0]?.id ?? null;
}

interface EventRow {
  id: string;
  shipment_id: string;
  code: TrackingCode;
  status: ShipmentStatus | null;
  reason: string | null;
  next_action: NextAction | null;
  note: string | null;
  occurred_at: Date;
  time_zone: string;
  place: TrackingPlace | null;
  actor: string | null;
  source: string;
  external_id: string;
  raw_code: string | null;
  raw_message: string | null;
  raw: unknown;
  proof: Record<string, unknown> | null;
  eta_from: Date | null;
  eta_to: Date | null;
  recorded_at: Date;
}

/** A shipment's whole log, oldest first (ties in recording order). */
export async function trackingLog(db: Queryable, shipmentId: string): Promise<TrackingEvent[]> {
  const rows = await db<EventRow[]>`
    select * from tracking_events where shipment_id = ${shipmentId} order by occurred_at, recorded_at, id`;
  return rows.map((row) => ({
    id: row.id,
    shipmentId: row.shipment_id,
    code: row.code,
    status: row.status,
    reason: row.reason,
    nextAction: row.next_action,
    note: row.note,
    occurredAt: row.occurred_at,
    timeZone: row.time_zone,
    place: row.place,
    actor: row.actor,
    source: row.source,
    externalId: row.external_id,
    rawCode: row.raw_code,
    rawMessage: row.raw_message,
    raw: row.raw,
    proof: row.proof,
    eta:
      row.eta_from && row.eta_to ? { from: row.eta_from.toISOString(), to: row.eta_to.toISOString() } : null,
    recordedAt: row.recorded_at,
  }));
}
