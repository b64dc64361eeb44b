/**
 * Orders events published on the shared system's bus exactly as the orders relay does, for journeys that need
 * an order to arrive at the warehouse without going through a checkout.
 */
import {
  DEMO_IDS,
  demoProductId,
  demoVariantId,
  type OrderConfirmed,
  type OrderPlaced,
  type EventData,
} from '@sauda/contracts';
import type { EventTransport } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';

/** Publishes one orders event on `bus`. */
export async function publishAsOrders<E extends typeof OrderPlaced | typeof OrderConfirmed>(
  bus: EventTransport,
  def: E,
  data: EventData<E>,
): Promise<void> {
  await bus.publish({
    id: uuidv7(),
    type: def.type,
    occurredAt: new Date().toISOString(),
    source: 'orders',
    data,
    headers: {},
  });
}

/** A new order of the demo customer for `quantity` demo phones, delivered in Almaty. */
export function demoOrderPlaced(quantity: number): EventData<typeof OrderPlaced> {
  const orderId = uuidv7();
  return {
    orderId,
    orderNumber: `SD-${orderId.slice(-4).toUpperCase()}-${orderId.slice(-8, -4).toUpperCase()}`,
    customerId: DEMO_IDS.customer,
    placedAt: new Date().toISOString(),
    shippingAddress: {
      countryCode: 'KZ',
      city: 'Almaty',
      line1: 'Abay Ave 10, apt 5',
      postalCode: '050000',
      lat: 43.2389,
      lng: 76.8897,
    },
    lines: [
      {
        lineId: uuidv7(),
        variantId: demoVariantId(1),
        sku: 'DEMO-001',
        productId: demoProductId(1),
        sellerId: DEMO_IDS.seller,
        title: 'Samsung Galaxy A55 8/256GB',
        quantity,
      },
    ],
  };
}
