/**
 * Support logs what it learnt (a call with the recipient, a found parcel, a claim): a manual event that
 * may move the status only where the lifecycle table allows it from the current status.
 */
import type { ManualTrackingEvent } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { lockShipment } from '../data/shipments-repo.ts';
import { ShipmentNotFound, TransitionNotAllowed } from '../errors.ts';
import { impliedStatus } from '../statuses/codes.ts';
import { canMove } from '../statuses/transitions.ts';
import { track, type TrackPolicy } from './track.ts';

/** Logs the event on shipment `id`; TRANSITION_NOT_ALLOWED when its status may not follow the current one. */
export async function logManualEvent(
  db: Db,
  principal: Principal,
  id: string,
  input: ManualTrackingEvent,
  policy: TrackPolicy,
): Promise<void> {
  await withTransaction(db, async (tx) => {
    const shipment = await lockShipment(tx, id);
    if (!shipment) throw new ShipmentNotFound();
    const implied = impliedStatus(input.code, shipment.kind);
    if (implied !== null && implied !== shipment.status && !canMove(shipment.status, implied))
      throw new TransitionNotAllowed(`${shipment.status} cannot become ${implied}`);
    const now = new Date();
    const given = input.occurredAt ? new Date(input.occurredAt) : now;
    await track(
      tx,
      id,
      {
        code: input.code,
        occurredAt: given > now ? now : given, // nothing is logged as happening in the future
        source: 'support',
        externalId: uuidv7(),
        place: input.place ?? null,
        reason: input.reason ?? null,
        note: input.note ?? null,
        actor: principal.id,
      },
      policy,
    );
  });
}
