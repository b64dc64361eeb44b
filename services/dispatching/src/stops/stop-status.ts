/** How shipping's statuses move a stop that has not left the centre yet (pure rules). */
import type { ShipmentStatus, StopStatus } from '@sauda/contracts';

const AT_CENTRE: readonly ShipmentStatus[] = ['accepted', 'in_transit'];
const GONE: readonly ShipmentStatus[] = ['cancelled', 'returned_to_sender', 'lost', 'delivered'];

/**
 * The status a not-yet-dispatched stop takes when shipping reports `shipmentStatus`, or null for "no change".
 * A delivery waits once its parcel is at the centre; cancelled, returned or lost shipments leave.
 */
export function stopStatusFor(kind: 'delivery' | 'pickup', shipmentStatus: string | null): StopStatus | null {
  if (shipmentStatus === null) return null;
  if (GONE.includes(shipmentStatus as ShipmentStatus)) return 'cancelled';
  if (kind === 'delivery' && AT_CENTRE.includes(shipmentStatus as ShipmentStatus)) return 'waiting';
  return null;
}

/** Stop states shipping's news may still change (later ones belong to the driver). */
export const PRE_DISPATCH: readonly StopStatus[] = ['expected', 'waiting', 'loaded'];
