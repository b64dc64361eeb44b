/** Public tracking: one shipment's timeline as the caller may see it. */
import type { TrackingView } from '@sauda/contracts';
import type { Principal, Queryable } from '@sauda/kit';
import { trackingLog } from '../data/events-repo.ts';
import { findByTrackingNumber, linkedShipments, type Shipment } from '../data/shipments-repo.ts';
import { findDepot } from '../data/sites-repo.ts';
import { ShipmentNotFound } from '../errors.ts';
import { isValidS10, normaliseTrackingNumber } from '../tracking-numbers/s10.ts';
import { eventView, isLate, linkView, proofView, seesInFull } from './views.ts';

/** The tracking page's data for `trackingNumber`; SHIPMENT_NOT_FOUND for unknown or malformed numbers. */
export async function trackParcel(
  db: Queryable,
  trackingNumber: string,
  principal: Principal | undefined,
): Promise<TrackingView> {
  const number = normaliseTrackingNumber(trackingNumber);
  const shipment = isValidS10(number) ? await findByTrackingNumber(db, number) : null;
  if (!shipment) throw new ShipmentNotFound();
  return viewOf(db, shipment, seesInFull(shipment, principal));
}

/** A shipment's view, in full or public. */
export async function viewOf(db: Queryable, shipment: Shipment, full: boolean): Promise<TrackingView> {
  const [log, links, origin, destination] = await Promise.all([
    trackingLog(db, shipment.id),
    linkedShipments(db, shipment.id),
    shipment.originDepotId ? findDepot(db, shipment.originDepotId) : null,
    shipment.destinationDepotId ? findDepot(db, shipment.destinationDepotId) : null,
  ]);
  const lastFailure = [...log].reverse().find((event) => event.code === 'delivery_failed');
  const outForDelivery = shipment.status === 'out_for_delivery';
  return {
    trackingNumber: shipment.trackingNumber,
    kind: shipment.kind,
    status: shipment.status,
    statusAt: shipment.statusAt.toISOString(),
    promisedDate: shipment.promisedDate,
    late: isLate(shipment),
    eta: outForDelivery ? shipment.eta : null,
    attempts: shipment.failedAttempts,
    nextAction: shipment.status === 'delivery_failed' ? (lastFailure?.nextAction ?? null) : null,
    carrier: shipment.carrier,
    from: {
      city:
        origin?.city ?? (shipment.kind === 'return' ? shipment.recipient.city : (log[0]?.place?.city ?? '')),
    },
    to: destination
      ? { city: destination.city, countryCode: 'KZ' }
      : { city: shipment.recipient.city, countryCode: shipment.recipient.countryCode },
    proof: proofView(shipment, full),
    linked: links.map(linkView),
    events: log.reverse().map((event) => eventView(event, shipment, full)),
    full,
    ...(full
      ? {
          orderId: shipment.orderId,
          ...(shipment.orderNumber ? { orderNumber: shipment.orderNumber } : {}),
          recipient: shipment.recipient,
          ...(shipment.cashOnDelivery ? { cashOnDelivery: shipment.cashOnDelivery } : {}),
        }
      : {}),
  };
}
