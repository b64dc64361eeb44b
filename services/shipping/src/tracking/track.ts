/**
 * The one way into a shipment's log, whatever the source (fleet, scans, carriers, support): lock, record,
 * and follow up — a failed attempt gets its next action (and a return to sender when that is the action),
 * and a return to sender's progress shows on the shipment it brings back.
 */
import type { Tx } from '@sauda/kit';
import type { NewTrackingEvent } from '../data/events-repo.ts';
import { lockShipment, type Shipment } from '../data/shipments-repo.ts';
import { nextActionAfter } from '../returns/next-action.ts';
import { returnToSender } from '../returns/return-to-sender.ts';
import { recordEvent, type Recorded } from './record-event.ts';

/** Rules that depend on configuration. */
export interface TrackPolicy {
  /** Failed attempts after which a parcel goes back to its sender. */
  maxAttempts: number;
}

const MIRRORED = { return_in_transit: 'return_in_transit', returned_to_sender: 'returned' } as const;

/** Records `event` on shipment `id`; null when there is no such shipment. */
export async function track(
  tx: Tx,
  id: string,
  event: NewTrackingEvent,
  policy: TrackPolicy,
): Promise<(Recorded & { shipment: Shipment }) | null> {
  const shipment = await lockShipment(tx, id);
  if (!shipment) return null;
  const input =
    event.code === 'delivery_failed' && shipment.kind === 'outbound' && !event.nextAction
      ? {
          ...event,
          nextAction: nextActionAfter(
            event.reason ?? 'other',
            shipment.failedAttempts + 1,
            policy.maxAttempts,
          ),
        }
      : event;
  const result = await recordEvent(tx, shipment, input);
  if (!result.recorded) return { ...result, shipment };
  if (input.code === 'delivery_failed' && input.nextAction === 'return_to_sender') {
    const fresh = await lockShipment(tx, id);
    if (fresh) await returnToSender(tx, fresh, input.occurredAt, input.place ?? null);
  }
  if (shipment.kind === 'return_to_sender' && shipment.senderOf && result.status !== result.previousStatus) {
    await mirrorToOriginal(tx, shipment, result.status, input);
  }
  return { ...result, shipment: (await lockShipment(tx, id)) ?? shipment };
}

/** The outbound shipment follows its return to sender: on the way back, then back at the depot. */
async function mirrorToOriginal(
  tx: Tx,
  rts: Shipment,
  status: Recorded['status'],
  cause: NewTrackingEvent,
): Promise<void> {
  const code = status in MIRRORED ? MIRRORED[status as keyof typeof MIRRORED] : null;
  const original = code && rts.senderOf ? await lockShipment(tx, rts.senderOf) : null;
  if (!code || !original) return;
  await recordEvent(tx, original, {
    code,
    occurredAt: cause.occurredAt,
    source: 'shipping',
    externalId: `${rts.id}:mirror:${status}`,
    place: cause.place ?? null,
    note: `as ${rts.trackingNumber}`,
  });
}
