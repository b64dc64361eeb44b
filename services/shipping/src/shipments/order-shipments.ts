/** The shipments of one order, for its page: the customer's own, or any for staff. */
import type { TrackingView } from '@sauda/contracts';
import type { Principal, Queryable } from '@sauda/kit';
import { shipmentsOfOrder } from '../data/shipments-repo.ts';
import { OrderShipmentsNotFound } from '../errors.ts';
import { viewOf } from '../tracking/track-parcel.ts';
import { seesInFull } from '../tracking/views.ts';

/** Every shipment of the order the caller may see in full; another customer's order answers as none. */
export async function orderShipments(
  db: Queryable,
  orderId: string,
  principal: Principal,
): Promise<TrackingView[]> {
  const shipments = (await shipmentsOfOrder(db, orderId)).filter((shipment) =>
    seesInFull(shipment, principal),
  );
  if (shipments.length === 0) throw new OrderShipmentsNotFound();
  return Promise.all(shipments.map((shipment) => viewOf(db, shipment, true)));
}
