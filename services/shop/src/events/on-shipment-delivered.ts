/** `shipping.shipment.delivered.v1`: the customer received these products and may now review them. */
import type { ShipmentDelivered, TypedEnvelope } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { markReceived } from '../data/purchases-repo.ts';

/** Handles one delivery (idempotent: the first delivery time stays). */
export async function onShipmentDelivered(
  event: TypedEnvelope<typeof ShipmentDelivered>,
  tx: Tx,
): Promise<void> {
  const { orderId, customerId, lines, deliveredAt } = event.data;
  await markReceived(tx, orderId, customerId, lines, new Date(deliveredAt));
}
