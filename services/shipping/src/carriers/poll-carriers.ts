/** The polling fallback: every interval, ask each carrier about the open parcels it carries. */
import type { Db } from '@sauda/kit';
import { openCarrierShipments } from '../data/shipments-repo.ts';
import type { TrackPolicy } from '../tracking/track.ts';
import type { CarrierRegistry } from './carrier.ts';
import { ingestUpdates, type IngestResult } from './ingest-updates.ts';

/** One round over every carrier's open parcels (at most `batch` per carrier). */
export async function pollCarriers(
  db: Db,
  carriers: CarrierRegistry,
  policy: TrackPolicy,
  now = new Date(),
  batch = 200,
): Promise<IngestResult> {
  const total: IngestResult = { recorded: 0, duplicates: 0, unknownParcels: 0 };
  for (const carrier of carriers.values()) {
    for (const shipment of await openCarrierShipments(db, carrier.name, batch)) {
      if (!shipment.carrierRef) continue;
      const result = await ingestUpdates(db, carrier, await carrier.poll(shipment.carrierRef, now), policy);
      total.recorded += result.recorded;
      total.duplicates += result.duplicates;
      total.unknownParcels += result.unknownParcels;
    }
  }
  return total;
}

/** Starts polling every `intervalMs`; `stop()` waits for a round in progress. */
export function startCarrierPolling(
  db: Db,
  carriers: CarrierRegistry,
  policy: TrackPolicy,
  intervalMs: number,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => pollCarriers(db, carriers, policy)).catch(onError);
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
