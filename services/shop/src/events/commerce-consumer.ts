/** The commerce half's consumer: order and delivery events feed promo usage, gift cards, reviews and recommendations. */
import {
  OrderCancelled,
  OrderConfirmed,
  OrderLinesCancelled,
  OrderPlaced,
  ReturnRefunded,
  ShipmentDelivered,
} from '@sauda/contracts';
import type { Consumer, EventLogger } from '@sauda/kit';
import { onOrderCancelled } from './on-order-cancelled.ts';
import { onOrderConfirmed } from './on-order-confirmed.ts';
import { onOrderLinesCancelled, onReturnRefunded } from './on-gift-card-share.ts';
import { onOrderPlaced } from './on-order-placed.ts';
import { onShipmentDelivered } from './on-shipment-delivered.ts';

/** Registers every commerce handler on the consumer. */
export function registerCommerceHandlers(consumer: Consumer, log: EventLogger): Consumer {
  return consumer
    .on(OrderPlaced, onOrderPlaced(log))
    .on(OrderConfirmed, onOrderConfirmed(log))
    .on(OrderCancelled, onOrderCancelled)
    .on(OrderLinesCancelled, onOrderLinesCancelled)
    .on(ReturnRefunded, onReturnRefunded)
    .on(ShipmentDelivered, onShipmentDelivered);
}
