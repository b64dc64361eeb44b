/** Which events shipping consumes, and with which handler: main.ts and the tests wire the same tables. */
import { OrderConfirmed, OrderPlaced, ParcelCreated, ReturnApproved } from '@sauda/contracts';
import type { Consumer } from '@sauda/kit';
import type { CarrierRegistry } from '../carriers/carrier.ts';
import { openReturnShipment } from '../returns/open-return-shipment.ts';
import { openOutboundShipment } from '../shipments/open-outbound-shipment.ts';
import { onOrderConfirmed, onOrderPlaced } from './order-events.ts';

export { fleetHandlers } from './fleet-events.ts';

/** Registers the handlers that open shipments and keep the order read model (`shipping.shipments`). */
export function shipmentHandlers(consumer: Consumer, carriers: CarrierRegistry): Consumer {
  return consumer
    .on(OrderPlaced, onOrderPlaced)
    .on(OrderConfirmed, onOrderConfirmed)
    .on(ParcelCreated, async (event, tx) => {
      await openOutboundShipment(tx, event.data, carriers);
    })
    .on(ReturnApproved, async (event, tx) => {
      await openReturnShipment(tx, event.data);
    });
}
