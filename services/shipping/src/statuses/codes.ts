/**
 * The tracking log's vocabulary: what each event code means for a shipment's status. A code implies a
 * status that depends on the shipment's kind (a pick-up moves a return forward, not an outbound parcel);
 * `null` means a log entry that changes no status (a note, an ETA, an unknown carrier code).
 */
import type { ShipmentKind, ShipmentStatus, TrackingCode } from '@sauda/contracts';

type CodeMap = Partial<Record<TrackingCode, ShipmentStatus>>;

const COMMON: CodeMap = {
  exception: 'exception',
  returned: 'returned_to_sender',
  cancelled: 'cancelled',
  lost: 'lost',
};

const OUTBOUND: CodeMap = {
  ...COMMON,
  label_created: 'label_created',
  accepted: 'accepted',
  arrived: 'in_transit',
  departed: 'in_transit',
  loaded_to_round: 'in_transit',
  handed_to_carrier: 'in_transit',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  delivery_failed: 'delivery_failed',
  available_for_pickup: 'available_for_pickup',
  delivered: 'delivered',
  return_initiated: 'return_initiated',
  return_in_transit: 'return_in_transit',
};

// A return travels from the customer (or a failed address) back to a depot: every move is "in transit back".
const BACKWARD: CodeMap = {
  ...COMMON,
  label_created: 'return_initiated',
  return_initiated: 'return_initiated',
  accepted: 'return_in_transit',
  picked_up: 'return_in_transit',
  dropped_off: 'return_in_transit',
  arrived: 'return_in_transit',
  departed: 'return_in_transit',
  loaded_to_round: 'return_in_transit',
  handed_to_carrier: 'return_in_transit',
  in_transit: 'return_in_transit',
  return_in_transit: 'return_in_transit',
  // The fleet "delivers" a return stop by collecting the parcel.
  delivered: 'return_in_transit',
  delivery_failed: 'exception',
};

/** The status a code implies for a shipment of `kind`, or null when it only adds to the log. */
export function impliedStatus(code: TrackingCode, kind: ShipmentKind): ShipmentStatus | null {
  return (kind === 'outbound' ? OUTBOUND : BACKWARD)[code] ?? null;
}
