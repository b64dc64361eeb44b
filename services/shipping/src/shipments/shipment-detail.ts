/** One shipment for support: every field, every link, and the whole log with its raw carrier data. */
import type { ShipmentDetail } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { trackingLog } from '../data/events-repo.ts';
import { findShipment, linkedShipments } from '../data/shipments-repo.ts';
import { ShipmentNotFound } from '../errors.ts';
import { eventDetail, isLate, linkView } from '../tracking/views.ts';

/** The detail of shipment `id` (newest event first). */
export async function shipmentDetail(db: Queryable, id: string): Promise<ShipmentDetail> {
  const shipment = await findShipment(db, id);
  if (!shipment) throw new ShipmentNotFound();
  const [log, links] = await Promise.all([trackingLog(db, id), linkedShipments(db, id)]);
  return {
    id: shipment.id,
    trackingNumber: shipment.trackingNumber,
    kind: shipment.kind,
    status: shipment.status,
    statusAt: shipment.statusAt.toISOString(),
    orderId: shipment.orderId,
    orderNumber: shipment.orderNumber,
    city: shipment.recipient.city,
    carrier: shipment.carrier,
    promisedDate: shipment.promisedDate,
    late: isLate(shipment),
    attempts: shipment.failedAttempts,
    createdAt: shipment.createdAt.toISOString(),
    customerId: shipment.customerId,
    parcelId: shipment.parcelId,
    returnId: shipment.returnId,
    sellerIds: shipment.sellerIds,
    lines: shipment.lines,
    recipient: shipment.recipient,
    weightGrams: shipment.weightGrams,
    dimensionsCm: shipment.dimensionsCm,
    originDepotId: shipment.originDepotId,
    sortingCentreId: shipment.sortingCentreId,
    carrierRef: shipment.carrierRef,
    cashOnDelivery: shipment.cashOnDelivery,
    eta: shipment.eta,
    linked: links.map(linkView),
    events: log.reverse().map((event) => eventDetail(event, shipment)),
  };
}
