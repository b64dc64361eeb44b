/**
 * A packed parcel (`stock.parcel.created.v1`) becomes an outbound shipment: an S10 number, the recipient's
 * snapshot, the sorting centre nearest to them (or a carrier when none of our centres reaches them), and
 * the promised date the order gave, else one by distance.
 */
import type { EventData, ParcelCreated } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import type { CarrierRegistry } from '../carriers/carrier.ts';
import { findOrderBook } from '../data/order-books-repo.ts';
import { lockShipment, setCarrierRef, type Shipment } from '../data/shipments-repo.ts';
import { findDepot, listCentres } from '../data/sites-repo.ts';
import { distanceKm, nearestCentre, promisedDateByRule } from '../sites/network.ts';
import { recordEvent } from '../tracking/record-event.ts';
import { createShipment } from './create-shipment.ts';

/** The carrier that takes parcels beyond our fleet's reach. */
export const NATIONAL_CARRIER = 'kazpost';

/** Opens the parcel's shipment once (the parcel id is unique); null for a replay. */
export async function openOutboundShipment(
  tx: Tx,
  parcel: EventData<typeof ParcelCreated>,
  carriers: CarrierRegistry,
): Promise<Shipment | null> {
  const [book, depot, centres] = [
    await findOrderBook(tx, parcel.orderId),
    await findDepot(tx, parcel.depotId),
    await listCentres(tx),
  ];
  const nearest = nearestCentre(centres, parcel.recipient);
  const carrier = nearest?.served ? null : (carriers.get(NATIONAL_CARRIER) ?? null);
  const packedAt = new Date(parcel.createdAt);
  const km = depot ? distanceKm(depot, parcel.recipient) : (nearest?.km ?? 0);
  const depotPlace = {
    kind: 'depot' as const,
    id: parcel.depotId,
    ...(depot ? { name: depot.name, city: depot.city, lat: depot.lat, lng: depot.lng } : {}),
  };
  const shipment = await createShipment(
    tx,
    {
      id: uuidv7(),
      kind: 'outbound',
      orderId: parcel.orderId,
      orderNumber: book?.orderNumber ?? null,
      customerId: book?.customerId ?? null,
      parcelId: parcel.parcelId,
      returnId: null,
      senderOf: null,
      sellerIds: parcel.sellerIds,
      lines: parcel.lines,
      originDepotId: parcel.depotId,
      destinationDepotId: null,
      sortingCentreId: nearest?.served ? nearest.centre.id : null,
      carrier: carrier?.name ?? null,
      carrierRef: null,
      recipient: parcel.recipient,
      weightGrams: parcel.weightGrams,
      dimensionsCm: parcel.dimensionsCm,
      promisedDate: book?.promisedDate ?? promisedDateByRule(packedAt, km, carrier !== null),
      promisedBy: book?.promisedDate ? 'order' : 'rule',
      cashOnDelivery: book?.cashOnDelivery ?? null,
    },
    {
      code: 'label_created',
      occurredAt: packedAt,
      source: 'stock',
      externalId: `parcel:${parcel.parcelId}`,
      place: depotPlace,
      note: `packed as ${parcel.parcelCode}`,
    },
  );
  if (shipment && carrier) {
    // The hand-over is logged as a fact of ours; the carrier's own scans follow through its adapter.
    const ref = await carrier.handOver(
      {
        trackingNumber: shipment.trackingNumber,
        city: parcel.recipient.city,
        weightGrams: parcel.weightGrams,
      },
      packedAt,
    );
    await setCarrierRef(tx, shipment.id, ref);
    await recordEvent(tx, shipment, {
      code: 'handed_to_carrier',
      occurredAt: packedAt,
      source: 'shipping',
      externalId: `${shipment.id}:handover`,
      place: depotPlace,
      reason: `${carrier.title}: outside our fleet's cities`,
    });
    return lockShipment(tx, shipment.id);
  }
  return shipment;
}
