/** `orders.order.placed.v1` / `orders.order.confirmed.v1`: the order read model shipments rely on. */
import type { OrderConfirmed, OrderPlaced } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { bookConfirmedOrder, bookPlacedOrder } from '../data/order-books-repo.ts';
import { applyOrderPromise, attachOrder } from '../data/shipments-repo.ts';

/** Whose order it is and which product each line is (idempotent upsert). */
export const onOrderPlaced: EventHandler<typeof OrderPlaced> = async (event, tx) => {
  const { orderId, orderNumber, customerId, lines } = event.data;
  await bookPlacedOrder(tx, {
    orderId,
    orderNumber,
    customerId,
    lines: lines.map(({ lineId, variantId, productId, title }) => ({ lineId, variantId, productId, title })),
  });
  await attachOrder(tx, orderId, customerId, orderNumber);
};

/** The promised date and cash on delivery (idempotent upsert). */
export const onOrderConfirmed: EventHandler<typeof OrderConfirmed> = async (event, tx) => {
  const { orderId, customerId, cashOnDelivery, delivery } = event.data;
  await bookConfirmedOrder(tx, {
    orderId,
    ...(customerId ? { customerId } : {}),
    ...(cashOnDelivery ? { cashOnDelivery } : {}),
    ...(delivery ? { promisedDate: delivery.promisedDate } : {}),
  });
  if (delivery) await applyOrderPromise(tx, orderId, delivery.promisedDate);
};
