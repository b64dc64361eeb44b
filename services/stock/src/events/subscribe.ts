/** Which events stock consumes, and with which handler: main.ts and the tests wire the same table. */
import {
  OrderCancelled,
  OrderConfirmed,
  OrderLinesCancelled,
  OrderPlaced,
  ProductCreated,
  ProductUpdated,
} from '@sauda/contracts';
import type { Consumer } from '@sauda/kit';
import { onOrderCancelled } from './order-cancelled.ts';
import { onOrderConfirmed } from './order-confirmed.ts';
import { onOrderLinesCancelled } from './order-lines-cancelled.ts';
import { onOrderPlaced } from './order-placed.ts';
import { onProductCreated, onProductUpdated } from './product-snapshot.ts';

/** Registers the order saga handlers (`stock.reservations`). */
export function reservationHandlers(consumer: Consumer, ttlMs: number): Consumer {
  return consumer
    .on(OrderPlaced, onOrderPlaced(ttlMs))
    .on(OrderConfirmed, onOrderConfirmed)
    .on(OrderCancelled, onOrderCancelled)
    .on(OrderLinesCancelled, onOrderLinesCancelled);
}

/** Registers the SKU read-model handlers (`stock.skus`). */
export function skuHandlers(consumer: Consumer): Consumer {
  return consumer.on(ProductCreated, onProductCreated).on(ProductUpdated, onProductUpdated);
}
