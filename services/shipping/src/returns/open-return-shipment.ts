/**
 * An approved customer return (`orders.return.approved.v1`) becomes its own shipment: a return label,
 * collected from the customer's address by the nearest centre's fleet and brought to the returns depot,
 * linked both ways to the outbound shipment(s) that carried those lines.
 */
import type { EventData, ReturnApproved } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { linkShipments, lockShipment, shipmentsOfOrder, type Shipment } from '../data/shipments-repo.ts';
import { listCentres } from '../data/sites-repo.ts';
import { createShipment } from '../shipments/create-shipment.ts';
import { distanceKm, nearestCentre, promisedDateByRule } from '../sites/network.ts';
import { recordEvent } from '../tracking/record-event.ts';
import { returnDepot } from './depot-address.ts';

const DEFAULT_BOX = { l: 30, w: 20, h: 10 };

/** Opens the return's shipment once (the return id is unique); null for a replay. */
export async function openReturnShipment(
  tx: Tx,
  approved: EventData<typeof ReturnApproved>,
): Promise<Shipment | null> {
  const returned = new Map(approved.lines.map((line) => [line.lineId, line.quantity]));
  const originals = (await shipmentsOfOrder(tx, approved.orderId)).filter(
    (shipment) => shipment.kind === 'outbound' && shipment.lines.some((line) => returned.has(line.lineId)),
  );
  const depot = await returnDepot(tx, approved.depotId ?? originals[0]?.originDepotId);
  const pickup = approved.pickupAddress;
  const nearest = nearestCentre(await listCentres(tx), pickup);
  const at = new Date(approved.approvedAt);
  const shipment = await createShipment(
    tx,
    {
      id: uuidv7(),
      kind: 'return',
      orderId: approved.orderId,
      orderNumber: approved.orderNumber,
      customerId: approved.customerId,
      parcelId: null,
      returnId: approved.returnId,
      senderOf: null,
      sellerIds: [...new Set(approved.lines.map((line) => line.sellerId))],
      lines: approved.lines.map(({ lineId, variantId, quantity }) => ({ lineId, variantId, quantity })),
      originDepotId: null,
      destinationDepotId: depot.id,
      sortingCentreId: nearest?.served ? nearest.centre.id : null,
      carrier: null,
      carrierRef: null,
      // For a return the fleet's stop is the customer's door: the recipient is where it is collected.
      recipient: pickup,
      weightGrams: returnedWeight(originals, returned),
      dimensionsCm: originals[0]?.dimensionsCm ?? DEFAULT_BOX,
      promisedDate: promisedDateByRule(at, distanceKm(pickup, depot), false),
      promisedBy: 'rule',
      cashOnDelivery: null,
    },
    {
      code: 'return_initiated',
      occurredAt: at,
      source: 'orders',
      externalId: `return:${approved.returnId}`,
      place: { kind: 'address', city: pickup.city, lat: pickup.lat, lng: pickup.lng },
      note: `return to ${depot.name}`,
    },
    originals[0] ? { linkedShipmentId: originals[0].id } : {},
  );
  if (!shipment) return null;
  for (const original of originals) {
    await linkShipments(tx, shipment.id, original.id);
    const locked = await lockShipment(tx, original.id);
    if (locked)
      await recordEvent(tx, locked, {
        code: 'return_opened',
        occurredAt: at,
        source: 'shipping',
        externalId: `${shipment.id}:opened:${original.id}`,
        note: `return ${shipment.trackingNumber}`,
      });
  }
  return shipment;
}

/** The returned share of the original parcels' weight (at least 100 g). */
function returnedWeight(originals: Shipment[], returned: Map<string, number>): number {
  let grams = 0;
  for (const shipment of originals) {
    const units = shipment.lines.reduce((sum, line) => sum + line.quantity, 0);
    const back = shipment.lines.reduce(
      (sum, line) => sum + Math.min(line.quantity, returned.get(line.lineId) ?? 0),
      0,
    );
    grams += units > 0 ? (shipment.weightGrams * back) / units : 0;
  }
  return Math.max(100, Math.round(grams));
}
