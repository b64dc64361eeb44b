/**
 * The shipment lifecycle as data: which derived status may follow which when a newer event is logged. The
 * derivation (derive-status.ts) obeys it — a test walks every pair — and support's manual events are guarded by it.
 */
import type { ShipmentStatus } from '@sauda/contracts';

const FINAL: ShipmentStatus[] = ['delivered', 'returned_to_sender', 'lost', 'cancelled'];
const BACK: ShipmentStatus[] = ['return_initiated', 'return_in_transit', 'exception', ...FINAL];
const DOOR: ShipmentStatus[] = ['out_for_delivery', 'delivery_failed', 'available_for_pickup'];

/** From each status, the statuses a later event can move a shipment to. */
export const TRANSITIONS: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  label_created: ['accepted', 'in_transit', ...DOOR, ...BACK],
  accepted: ['in_transit', ...DOOR, ...BACK],
  in_transit: [...DOOR, ...BACK],
  out_for_delivery: ['delivery_failed', 'available_for_pickup', ...BACK],
  delivery_failed: ['out_for_delivery', 'available_for_pickup', ...BACK],
  available_for_pickup: ['out_for_delivery', 'delivery_failed', ...BACK],
  return_initiated: ['return_in_transit', 'exception', ...FINAL],
  return_in_transit: ['exception', ...FINAL],
  exception: [
    'label_created',
    'accepted',
    'in_transit',
    ...DOOR,
    'return_initiated',
    'return_in_transit',
    ...FINAL,
  ],
  // A final state yields only to a higher one: a parcel declared lost can still be found and delivered.
  cancelled: ['lost', 'returned_to_sender', 'delivered'],
  lost: ['returned_to_sender', 'delivered'],
  returned_to_sender: ['delivered'],
  delivered: [],
};

/** True when a newer event implying `to` changes a shipment that is `from`. */
export function canMove(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}
