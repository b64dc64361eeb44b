/** Which events dispatching consumes, and with which handler: main.ts and the tests wire the same table. */
import {
  RoleChanged,
  ShipmentCreated,
  ShipmentStatusChanged,
  StaffAssigned,
  UserRegistered,
} from '@sauda/contracts';
import type { Consumer } from '@sauda/kit';
import { onShipmentCreated, onShipmentStatusChanged } from './shipment-events.ts';
import { onRoleChanged, onStaffAssigned, onUserRegistered } from './user-events.ts';

/** Registers the shipment handlers (`dispatching.shipments`). */
export function shipmentHandlers(consumer: Consumer): Consumer {
  return consumer.on(ShipmentCreated, onShipmentCreated).on(ShipmentStatusChanged, onShipmentStatusChanged);
}

/** Registers the driver read-model handlers (`dispatching.drivers`). */
export function driverHandlers(consumer: Consumer): Consumer {
  return consumer
    .on(UserRegistered, onUserRegistered)
    .on(RoleChanged, onRoleChanged)
    .on(StaffAssigned, onStaffAssigned);
}
