/** Opens shipments for HTTP tests through the real handlers. */
import { DEMO_IDS, OrderPlaced, ParcelCreated, demoProductId, type EventData } from '@sauda/contracts';
import { shipmentOfParcel, type Shipment } from '../data/shipments-repo.ts';
import { onOrderPlaced } from '../events/order-events.ts';
import { shipmentHandlers } from '../events/subscribe.ts';
import { captureHandlers } from './capture.ts';
import { parcelFor, type ShippingTestApp } from './shipping-test-app.ts';

/** A placed order of `customerId` and its packed parcel's shipment. */
export async function openShipment(
  t: ShippingTestApp,
  customerId: string = DEMO_IDS.customer,
  overrides: Partial<EventData<typeof ParcelCreated>> = {},
): Promise<Shipment> {
  const parcel = parcelFor(overrides);
  const line = parcel.lines[0]!;
  await t.deliver(OrderPlaced, onOrderPlaced, {
    orderId: parcel.orderId,
    orderNumber: `SD-${parcel.orderId.slice(-4).toUpperCase()}-TEST`,
    customerId,
    placedAt: new Date().toISOString(),
    shippingAddress: parcel.recipient,
    lines: [
      { ...line, sku: 'DEMO-001', productId: demoProductId(1), sellerId: DEMO_IDS.seller, title: 'Kettle' },
    ],
  });
  const handlerOf = captureHandlers((consumer) => shipmentHandlers(consumer, t.carriers));
  await t.deliver(ParcelCreated, handlerOf(ParcelCreated.type), parcel);
  return (await shipmentOfParcel(t.db.sql, parcel.parcelId))!;
}
