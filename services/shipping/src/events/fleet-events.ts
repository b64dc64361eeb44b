/**
 * `dispatching.*`: our own fleet's facts become log entries of the shipment they name. Each fact has a
 * natural id (stop, round, attempt time), so a fact published twice is logged once.
 */
import {
  CashCollected,
  EtaUpdated,
  RoundStarted,
  StopArriving,
  StopDelivered,
  StopDeliveryFailed,
  StopLoaded,
  type TrackingPlace,
} from '@sauda/contracts';
import type { Consumer, Tx } from '@sauda/kit';
import type { NewTrackingEvent } from '../data/events-repo.ts';
import { findSite } from '../data/sites-repo.ts';
import { track, type TrackPolicy } from '../tracking/track.ts';

const SOURCE = 'dispatching';

async function centrePlace(tx: Tx, id: string): Promise<TrackingPlace> {
  const site = await findSite(tx, id);
  return { kind: 'sorting_centre', id, ...(site ? { name: site.name, city: site.city } : {}) };
}

const at = (position: { lat: number; lng: number } | undefined): TrackingPlace =>
  position ? { kind: 'address', lat: position.lat, lng: position.lng } : { kind: 'address' };

/** Registers the fleet's events on `consumer`. */
export function fleetHandlers(consumer: Consumer, policy: TrackPolicy): Consumer {
  const log = async (tx: Tx, shipmentId: string, event: NewTrackingEvent) => {
    // A shipment we never opened cannot be tracked; there is nothing to retry, so the fact is dropped.
    await track(tx, shipmentId, event, policy);
  };
  return consumer
    .on(StopLoaded, async ({ data }, tx) =>
      log(tx, data.shipmentId, {
        code: 'loaded_to_round',
        occurredAt: new Date(data.at),
        source: SOURCE,
        externalId: `${data.stopId}:loaded:${data.roundId}`,
        place: await centrePlace(tx, data.sortingCentreId),
        actor: data.driverId,
        eta: data.eta ?? null,
      }),
    )
    .on(RoundStarted, async ({ data }, tx) => {
      for (const stop of data.stops) {
        await log(tx, stop.shipmentId, {
          code: 'out_for_delivery',
          occurredAt: new Date(data.at),
          source: SOURCE,
          externalId: `${data.roundId}:${stop.stopId}:started`,
          place: await centrePlace(tx, data.sortingCentreId),
          actor: data.driverId,
          eta: stop.eta ?? null,
        });
      }
    })
    .on(EtaUpdated, async ({ data }, tx) =>
      log(tx, data.shipmentId, {
        code: 'eta_updated',
        occurredAt: new Date(data.at),
        source: SOURCE,
        externalId: `${data.stopId}:eta:${data.at}`,
        actor: data.driverId,
        eta: data.eta,
      }),
    )
    .on(StopArriving, async ({ data }, tx) =>
      log(tx, data.shipmentId, {
        code: 'arriving',
        occurredAt: new Date(data.at),
        source: SOURCE,
        externalId: `${data.stopId}:arriving:${data.roundId}`,
        place: at(data.position),
        actor: data.driverId,
      }),
    )
    .on(StopDelivered, async ({ data }, tx) =>
      log(tx, data.shipmentId, {
        code: 'delivered',
        occurredAt: new Date(data.at),
        source: SOURCE,
        externalId: `${data.stopId}:delivered`,
        place: at(data.proof.position),
        actor: data.driverId,
        proof: data.proof,
      }),
    )
    .on(StopDeliveryFailed, async ({ data }, tx) =>
      log(tx, data.shipmentId, {
        code: 'delivery_failed',
        occurredAt: new Date(data.at),
        source: SOURCE,
        externalId: `${data.stopId}:failed:${data.at}`,
        place: at(data.position),
        actor: data.driverId,
        reason: data.reason,
        note: data.note ?? null,
      }),
    )
    .on(CashCollected, async ({ data }, tx) =>
      log(tx, data.shipmentId, {
        code: 'cash_collected',
        occurredAt: new Date(data.at),
        source: SOURCE,
        externalId: `${data.stopId}:cash`,
        actor: data.driverId,
        note: `${data.amount.amount} ${data.amount.currency}`,
      }),
    );
}
