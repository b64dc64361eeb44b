/** shipping's shipments become stops (`shipping.shipment.created.v1`) and move with its statuses. */
import type { ShipmentCreated, ShipmentStatusChanged } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { applyShipmentStatus } from '../stops/apply-shipment-status.ts';
import { openStop } from '../stops/open-stop.ts';

export const onShipmentCreated: EventHandler<typeof ShipmentCreated> = async (event, tx) => {
  await openStop(tx, event.data);
};

export const onShipmentStatusChanged: EventHandler<typeof ShipmentStatusChanged> = async (event, tx) => {
  await applyShipmentStatus(tx, event.data);
};
