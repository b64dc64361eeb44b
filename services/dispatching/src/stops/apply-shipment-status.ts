/** shipping reported a shipment's new status: an expected stop starts waiting, a cancelled one leaves. */
import type { EventData, ShipmentStatusChanged } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { lockShipment } from '../data/stops-repo.ts';
import { stopStatusFor } from './stop-status.ts';

/** Records the latest status (a status may overtake its shipment's `created`) and moves the stop. */
export async function applyShipmentStatus(
  tx: Tx,
  change: EventData<typeof ShipmentStatusChanged>,
): Promise<void> {
  await lockShipment(tx, change.shipmentId);
  await tx`
    insert into shipment_signals (shipment_id, status, at) values (${change.shipmentId}, ${change.status}, ${change.at})
    on conflict (shipment_id) do update set status = excluded.status, at = excluded.at
    where shipment_signals.at <= excluded.at`;
  const [stop] = await tx<{ id: string; kind: 'delivery' | 'pickup'; status: string }[]>`
    select id, kind, status from stops where shipment_id = ${change.shipmentId} for update`;
  if (!stop) return;
  const next = stopStatusFor(stop.kind, change.status);
  if (next === 'waiting' && stop.status === 'expected')
    await tx`update stops set status = 'waiting', updated_at = now() where id = ${stop.id}`;
  // Our own delivery also makes shipping say "delivered": only stops not yet handed to a driver leave.
  if (next === 'cancelled' && ['expected', 'waiting', 'loaded'].includes(stop.status))
    await tx`
      update stops set status = 'cancelled', round_id = null, sequence = null, locked = false, updated_at = now()
      where id = ${stop.id}`;
}
