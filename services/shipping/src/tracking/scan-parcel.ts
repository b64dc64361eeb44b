/**
 * A barcode scan at a sorting centre or depot: accepted into the network, arrived, departed. A return
 * (or return to sender) arriving at the depot it is bound for is received there: `returned`.
 */
import type { ScanRequest, ScanResult, TrackingCode } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { findByTrackingNumber } from '../data/shipments-repo.ts';
import { findSite } from '../data/sites-repo.ts';
import { ShipmentNotFound, SiteNotFound } from '../errors.ts';
import { normaliseTrackingNumber } from '../tracking-numbers/s10.ts';
import { track, type TrackPolicy } from './track.ts';

/** Logs one scan; a retried request with the same scanId is logged once (`duplicate`). */
export async function scanParcel(
  db: Db,
  principal: Principal,
  scan: ScanRequest,
  policy: TrackPolicy,
): Promise<ScanResult> {
  const siteId = scan.siteId ?? principal.sortingCentreId ?? principal.depotId;
  const site = siteId ? await findSite(db, siteId) : null;
  if (!site) throw new SiteNotFound(siteId ? undefined : 'Choose the site you are scanning at');
  const shipment = await findByTrackingNumber(db, normaliseTrackingNumber(scan.trackingNumber));
  if (!shipment) throw new ShipmentNotFound();
  const receivedBack =
    scan.action === 'arrived' && shipment.kind !== 'outbound' && site.id === shipment.destinationDepotId;
  const code: TrackingCode = receivedBack ? 'returned' : scan.action;
  const outcome = await withTransaction(db, (tx) =>
    track(
      tx,
      shipment.id,
      {
        code,
        occurredAt: new Date(),
        source: 'scan',
        externalId: scan.scanId ?? uuidv7(),
        place: { kind: site.kind, id: site.id, name: site.name, city: site.city },
        actor: principal.id,
      },
      policy,
    ),
  );
  return {
    trackingNumber: shipment.trackingNumber,
    kind: shipment.kind,
    status: outcome?.status ?? shipment.status,
    duplicate: !outcome?.recorded,
    site,
    to: { city: shipment.recipient.city },
  };
}
