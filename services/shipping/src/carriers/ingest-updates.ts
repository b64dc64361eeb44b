/**
 * A carrier's updates into the log, from a webhook or a poll alike: mapped codes move the status, unknown
 * codes are kept raw as `carrier_update` and change nothing, and a report seen before is logged once.
 */
import { withTransaction, type Db } from '@sauda/kit';
import { findByTrackingNumber } from '../data/shipments-repo.ts';
import { track, type TrackPolicy } from '../tracking/track.ts';
import type { CarrierAdapter, CarrierUpdate } from './carrier.ts';

/** How many updates were new, were duplicates, or named a parcel we do not have. */
export interface IngestResult {
  recorded: number;
  duplicates: number;
  unknownParcels: number;
}

/** Records every update, each in its own transaction (one bad parcel does not hold back the others). */
export async function ingestUpdates(
  db: Db,
  carrier: CarrierAdapter,
  updates: readonly CarrierUpdate[],
  policy: TrackPolicy,
): Promise<IngestResult> {
  const result: IngestResult = { recorded: 0, duplicates: 0, unknownParcels: 0 };
  for (const update of updates) {
    const shipment = await findByTrackingNumber(db, update.trackingNumber);
    if (!shipment) {
      result.unknownParcels += 1;
      continue;
    }
    const code = carrier.mapCode(update.code);
    const outcome = await withTransaction(db, (tx) =>
      track(
        tx,
        shipment.id,
        {
          code: code ?? 'carrier_update',
          occurredAt: update.occurredAt,
          timeZone: update.timeZone,
          source: `carrier:${carrier.name}`,
          externalId: update.externalId,
          place: { kind: 'carrier', name: carrier.title, ...(update.city ? { city: update.city } : {}) },
          rawCode: update.code,
          rawMessage: update.message,
          raw: update.raw,
          ...(code === 'delivery_failed' ? { reason: 'other' } : {}),
        },
        policy,
      ),
    );
    if (outcome?.recorded) result.recorded += 1;
    else result.duplicates += 1;
  }
  return result;
}
