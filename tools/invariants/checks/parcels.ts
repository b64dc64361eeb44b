/** Parcels: each shipment's stored status is what shipping's own derivation makes of its tracking log. */
import type { ShipmentStatus } from '@sauda/contracts';
import { deriveStatus, type StatusEvent } from '../../../services/shipping/src/statuses/derive-status.ts';
import { absent, verdict, type Invariant } from '../types.ts';

/** A shipment whose log implies no status yet keeps the one it was opened with. */
export const parcelsMatchTrackingLog: Invariant = {
  name: 'parcel status agrees with its tracking log',
  async run(ctx) {
    const shipping = ctx.db('shipping');
    if (!shipping) return absent('shipping');
    const shipments = await shipping<{ id: string; tracking_number: string; status: ShipmentStatus }[]>`
      select id, tracking_number, status from shipments where created_at >= ${ctx.since}`;
    const events = await shipping<
      { id: string; shipment_id: string; status: ShipmentStatus | null; occurred_at: Date }[]
    >`
      select e.id, e.shipment_id, e.status, e.occurred_at from tracking_events e
      join shipments s on s.id = e.shipment_id where s.created_at >= ${ctx.since}`;
    const logs = new Map<string, StatusEvent[]>();
    for (const e of events)
      logs.set(e.shipment_id, [
        ...(logs.get(e.shipment_id) ?? []),
        { id: e.id, status: e.status, occurredAt: e.occurred_at },
      ]);
    const violations: string[] = [];
    for (const shipment of shipments) {
      const decided = deriveStatus(logs.get(shipment.id) ?? []);
      if (decided && decided.status !== shipment.status)
        violations.push(
          `${shipment.tracking_number} is ${shipment.status}, its log says ${decided.status} (event ${decided.id})`,
        );
    }
    return verdict(shipments.length, violations);
  },
};
