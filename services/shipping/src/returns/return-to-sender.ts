/**
 * A refused or undeliverable parcel goes back to its depot on its own tracking number (issue 6): a new
 * `return_to_sender` shipment linked both ways to the outbound one, which shows `return_initiated`.
 */
import type { TrackingPlace } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { linkShipments, type Shipment } from '../data/shipments-repo.ts';
import { createShipment } from '../shipments/create-shipment.ts';
import { distanceKm, promisedDateByRule } from '../sites/network.ts';
import { recordEvent } from '../tracking/record-event.ts';
import { depotAddress, returnDepot } from './depot-address.ts';

/** Opens the return to sender of `outbound` (locked by the caller); null when it already has one. */
export async function returnToSender(
  tx: Tx,
  outbound: Shipment,
  at: Date,
  place: TrackingPlace | null,
): Promise<Shipment | null> {
  const depot = await returnDepot(tx, outbound.originDepotId);
  const from: TrackingPlace = {
    ...(place ?? { kind: 'address' }),
    city: place?.city ?? outbound.recipient.city,
  };
  const rts = await createShipment(
    tx,
    {
      id: uuidv7(),
      kind: 'return_to_sender',
      orderId: outbound.orderId,
      orderNumber: outbound.orderNumber,
      customerId: outbound.customerId,
      parcelId: null,
      returnId: null,
      senderOf: outbound.id,
      sellerIds: outbound.sellerIds,
      lines: outbound.lines,
      originDepotId: null,
      destinationDepotId: depot.id,
      sortingCentreId: outbound.sortingCentreId,
      carrier: outbound.carrier,
      carrierRef: null,
      recipient: depotAddress(depot),
      weightGrams: outbound.weightGrams,
      dimensionsCm: outbound.dimensionsCm,
      promisedDate: promisedDateByRule(at, distanceKm(outbound.recipient, depot), outbound.carrier !== null),
      promisedBy: 'rule',
      cashOnDelivery: null,
    },
    {
      code: 'return_initiated',
      occurredAt: at,
      source: 'shipping',
      externalId: `${outbound.id}:return-to-sender`,
      place: from,
      note: `returning ${outbound.trackingNumber} to ${depot.name}`,
    },
    { linkedShipmentId: outbound.id },
  );
  if (!rts) return null;
  await linkShipments(tx, rts.id, outbound.id);
  await recordEvent(tx, outbound, {
    code: 'return_initiated',
    occurredAt: at,
    source: 'shipping',
    externalId: `${outbound.id}:returning`,
    place,
    note: `back to sender as ${rts.trackingNumber}`,
  });
  return rts;
}
