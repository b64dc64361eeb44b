/**
 * Appends one event to a shipment's log and re-derives what the log decides: status, ETA, attempts, proof.
 * A derived status change is published in the same transaction; a duplicate (same source and external id)
 * changes nothing.
 */
import { ShipmentDelivered, ShipmentStatusChanged, type ShipmentStatus } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import {
  appendTrackingEvent,
  trackingLog,
  type NewTrackingEvent,
  type TrackingEvent,
} from '../data/events-repo.ts';
import { findOrderBook } from '../data/order-books-repo.ts';
import { saveDerived, type Shipment } from '../data/shipments-repo.ts';
import { impliedStatus } from '../statuses/codes.ts';
import { deriveStatus } from '../statuses/derive-status.ts';
import { countDelivery } from './delivery-metrics.ts';

/** What recording changed. */
export interface Recorded {
  /** False when the same fact was already logged. */
  recorded: boolean;
  status: ShipmentStatus;
  previousStatus: ShipmentStatus;
  failedAttempts: number;
}

/** Records `event` on a shipment locked by the caller (lockShipment), and publishes what changed. */
export async function recordEvent(tx: Tx, shipment: Shipment, event: NewTrackingEvent): Promise<Recorded> {
  const unchanged = {
    recorded: false,
    status: shipment.status,
    previousStatus: shipment.status,
    failedAttempts: shipment.failedAttempts,
  };
  // Unknown carrier codes are kept raw and never move the status.
  const implied = event.code === 'carrier_update' ? null : impliedStatus(event.code, shipment.kind);
  const id = await appendTrackingEvent(tx, shipment.id, implied, event);
  if (id === null) return unchanged;
  const log = await trackingLog(tx, shipment.id);
  const decided = deriveStatus(log) ?? { status: shipment.status, occurredAt: shipment.statusAt, id: '' };
  const deciding = log.find((entry) => entry.id === decided.id);
  const failedAttempts = log.filter((entry) => entry.code === 'delivery_failed').length;
  const delivered = latest(log.filter((entry) => entry.code === 'delivered' && entry.proof));
  await saveDerived(tx, shipment.id, {
    status: decided.status,
    statusAt: decided.occurredAt,
    eta: latest(log.filter((entry) => entry.eta))?.eta ?? null,
    failedAttempts,
    proof: delivered ? { ...delivered.proof, at: delivered.occurredAt.toISOString() } : null,
  });
  if (decided.status !== shipment.status) {
    await publishChange(tx, shipment, decided.status, deciding);
  }
  return { recorded: true, status: decided.status, previousStatus: shipment.status, failedAttempts };
}

function latest(events: TrackingEvent[]): TrackingEvent | undefined {
  return events.reduce<TrackingEvent | undefined>(
    (best, event) => (best === undefined || event.occurredAt >= best.occurredAt ? event : best),
    undefined,
  );
}

async function publishChange(
  tx: Tx,
  shipment: Shipment,
  status: ShipmentStatus,
  deciding: TrackingEvent | undefined,
): Promise<void> {
  const at = (deciding?.occurredAt ?? new Date()).toISOString();
  await appendEvent(tx, ShipmentStatusChanged, {
    shipmentId: shipment.id,
    trackingNumber: shipment.trackingNumber,
    kind: shipment.kind,
    orderId: shipment.orderId,
    ...(shipment.parcelId ? { parcelId: shipment.parcelId } : {}),
    ...(shipment.returnId ? { returnId: shipment.returnId } : {}),
    status,
    previousStatus: shipment.status,
    ...(deciding?.reason ? { reason: deciding.reason } : {}),
    ...(deciding?.place ? { place: deciding.place } : {}),
    ...(deciding?.eta ? { eta: deciding.eta } : {}),
    at,
  });
  if (status === 'delivered' && shipment.kind === 'outbound') {
    countDelivery(tx, shipment, new Date(at));
    await publishDelivery(tx, shipment, at);
  }
}

/** `shop` unlocks reviews per product: each line's product comes from the order placed read model. */
async function publishDelivery(tx: Tx, shipment: Shipment, deliveredAt: string): Promise<void> {
  const book = await findOrderBook(tx, shipment.orderId);
  const customerId = shipment.customerId ?? book?.customerId;
  // Without the order's placement we cannot say whose delivery it was; the status change above still tells.
  if (!customerId) return;
  const products = new Map(book?.lines.map((line) => [line.lineId, line.productId]));
  const lines = shipment.lines.flatMap((line) => {
    const productId = products.get(line.lineId);
    return productId ? [{ variantId: line.variantId, productId, quantity: line.quantity }] : [];
  });
  await appendEvent(tx, ShipmentDelivered, {
    shipmentId: shipment.id,
    orderId: shipment.orderId,
    customerId,
    trackingNumber: shipment.trackingNumber,
    ...(shipment.parcelId ? { parcelId: shipment.parcelId } : {}),
    lines,
    deliveredAt,
  });
}
