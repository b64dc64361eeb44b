/**
 * How the log reads to whom: the public sees city-level places and fixed reason codes only; the
 * recipient and staff see everything (issue 6, privacy of the public page).
 */
import type {
  LinkedShipment,
  ProofSummary,
  ShipmentStatus,
  TrackingEventDetail,
  TrackingEventView,
  TrackingPlace,
} from '@sauda/contracts';
import { hasRole, type Principal } from '@sauda/kit';
import type { TrackingEvent } from '../data/events-repo.ts';
import type { Shipment } from '../data/shipments-repo.ts';
import { isTerminal } from '../statuses/derive-status.ts';

/** Roles that see every shipment in full. */
export const STAFF = ['admin', 'support', 'dispatcher', 'warehouseman'] as const;

/** True when the caller is the shipment's customer or staff. */
export function seesInFull(shipment: Shipment, principal: Principal | undefined): boolean {
  if (!principal) return false;
  if (shipment.customerId !== null && principal.id === shipment.customerId) return true;
  return STAFF.some((role) => hasRole(principal, role));
}

function placeFor(place: TrackingPlace | null, shipment: Shipment, full: boolean): TrackingPlace | null {
  if (!place) return null;
  const city = place.city ?? (place.kind === 'address' ? shipment.recipient.city : undefined);
  if (full) return { ...place, ...(city ? { city } : {}) };
  // Sites and carriers are ours to name; an address is someone's home: its city only.
  const named =
    place.kind !== 'address' && place.kind !== 'vehicle' && place.name ? { name: place.name } : {};
  return { kind: place.kind, ...named, ...(city ? { city } : {}) };
}

/** One entry as the caller may see it. */
export function eventView(event: TrackingEvent, shipment: Shipment, full: boolean): TrackingEventView {
  const codedReason = event.reason !== null && /^[a-z_]+$/.test(event.reason);
  return {
    id: event.id,
    code: event.code,
    status: event.status,
    occurredAt: event.occurredAt.toISOString(),
    timeZone: event.timeZone,
    place: placeFor(event.place, shipment, full),
    reason: full || codedReason ? event.reason : null,
    nextAction: event.nextAction,
    eta: event.eta,
    carrierCode: event.source.startsWith('carrier:') ? event.rawCode : null,
  };
}

/** One entry with where it came from and the carrier's raw data (support). */
export function eventDetail(event: TrackingEvent, shipment: Shipment): TrackingEventDetail {
  return {
    ...eventView(event, shipment, true),
    source: event.source,
    externalId: event.externalId,
    actor: event.actor,
    note: event.note,
    rawCode: event.rawCode,
    rawMessage: event.rawMessage,
    raw: event.raw ?? null,
    proof: event.proof ?? null,
    recordedAt: event.recordedAt.toISOString(),
  };
}

/** The proof of delivery, summarised (the name of who signed only in full). */
export function proofView(shipment: Shipment, full: boolean): ProofSummary | null {
  const proof = shipment.proof;
  if (!proof) return null;
  const name = typeof proof.recipientName === 'string' ? proof.recipientName : undefined;
  return {
    kind: typeof proof.kind === 'string' ? proof.kind : 'signature',
    at: typeof proof.at === 'string' ? proof.at : shipment.statusAt.toISOString(),
    ...(full && name ? { recipientName: name } : {}),
    hasMedia: typeof proof.mediaUrl === 'string',
  };
}

/** Links as the other shipment's relation to this one. */
export function linkView(link: {
  trackingNumber: string;
  kind: LinkedShipment['kind'];
  status: ShipmentStatus;
  original: boolean;
}): LinkedShipment {
  const relation = link.original ? 'original' : link.kind === 'return' ? 'return' : 'return_to_sender';
  return { trackingNumber: link.trackingNumber, kind: link.kind, status: link.status, relation };
}

/** Kazakhstan's calendar date of an instant (UTC+5 all year). */
export const localDate = (instant: Date): string =>
  new Date(instant.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);

/** Statuses a promise no longer applies to: an outbound parcel on its way back, or one that ended without delivery. */
const PROMISE_VOID: Record<Shipment['kind'], readonly string[]> = {
  outbound: ['return_initiated', 'return_in_transit', 'returned_to_sender', 'cancelled', 'lost'],
  return: ['cancelled', 'lost'],
  return_to_sender: ['cancelled', 'lost'],
};

/** Late: still travelling after its promised day, or arrived after it. */
export function isLate(shipment: Shipment, now = new Date()): boolean {
  if (PROMISE_VOID[shipment.kind].includes(shipment.status)) return false;
  const day = isTerminal(shipment.status) ? localDate(shipment.statusAt) : localDate(now);
  return day > shipment.promisedDate;
}
