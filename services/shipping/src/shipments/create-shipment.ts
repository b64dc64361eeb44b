/** Opens a shipment with its first log entry and announces it (`shipping.shipment.created.v1`). */
import { ShipmentCreated, ShipmentStatusChanged, type TimeWindow } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { appendTrackingEvent, type NewTrackingEvent } from '../data/events-repo.ts';
import { insertShipment, type Shipment, type ShipmentDraft } from '../data/shipments-repo.ts';
import { impliedStatus } from '../statuses/codes.ts';

/**
 * Inserts the shipment unless its natural key (parcel, return, returned shipment) already has one, logs
 * `first`, and publishes the creation and the first status; answers null for a replay.
 */
export async function createShipment(
  tx: Tx,
  draft: ShipmentDraft,
  first: NewTrackingEvent,
  extra: { deliveryWindow?: TimeWindow; linkedShipmentId?: string } = {},
): Promise<Shipment | null> {
  const status = impliedStatus(first.code, draft.kind) ?? 'label_created';
  const shipment = await insertShipment(tx, draft, { status, at: first.occurredAt });
  if (!shipment) return null;
  await appendTrackingEvent(tx, shipment.id, status, first);
  await appendEvent(tx, ShipmentCreated, {
    shipmentId: shipment.id,
    trackingNumber: shipment.trackingNumber,
    kind: shipment.kind,
    orderId: shipment.orderId,
    ...(shipment.customerId ? { customerId: shipment.customerId } : {}),
    ...(shipment.parcelId ? { parcelId: shipment.parcelId } : {}),
    ...(extra.linkedShipmentId ? { linkedShipmentId: extra.linkedShipmentId } : {}),
    ...(shipment.returnId ? { returnId: shipment.returnId } : {}),
    sellerIds: shipment.sellerIds,
    lines: shipment.lines,
    ...(shipment.originDepotId ? { originDepotId: shipment.originDepotId } : {}),
    ...(shipment.sortingCentreId ? { sortingCentreId: shipment.sortingCentreId } : {}),
    recipient: shipment.recipient,
    weightGrams: shipment.weightGrams,
    dimensionsCm: shipment.dimensionsCm,
    promisedDate: shipment.promisedDate,
    ...(extra.deliveryWindow ? { deliveryWindow: extra.deliveryWindow } : {}),
    ...(shipment.cashOnDelivery ? { cashOnDelivery: shipment.cashOnDelivery } : {}),
    createdAt: shipment.createdAt.toISOString(),
  });
  await appendEvent(tx, ShipmentStatusChanged, {
    shipmentId: shipment.id,
    trackingNumber: shipment.trackingNumber,
    kind: shipment.kind,
    orderId: shipment.orderId,
    ...(shipment.parcelId ? { parcelId: shipment.parcelId } : {}),
    ...(shipment.returnId ? { returnId: shipment.returnId } : {}),
    status,
    previousStatus: null,
    ...(first.place ? { place: first.place } : {}),
    at: first.occurredAt.toISOString(),
  });
  return shipment;
}
