/** Events published by `shipping`. */
import { Type } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Timestamp, Uuid } from '../primitives.ts';

/** A shipment reached its customer; `shop` learns who may review what, `orders` completes the order. */
export const ShipmentDelivered = defineEvent(
  'shipping.shipment.delivered.v1',
  Type.Object({
    shipmentId: Uuid,
    orderId: Uuid,
    customerId: Uuid,
    lines: Type.Array(
      Type.Object({ variantId: Uuid, productId: Uuid, quantity: Type.Integer({ minimum: 1 }) }),
    ),
    deliveredAt: Timestamp,
  }),
);
