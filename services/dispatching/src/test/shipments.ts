/** A shipping `shipment.created` as dispatching receives it: outbound to Almaty's centre, cash on delivery. */
import { DEMO_IDS, DEMO_SITES, type EventData, type ShipmentCreated } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';

export function shipment(
  overrides: Partial<EventData<typeof ShipmentCreated>> = {},
): EventData<typeof ShipmentCreated> {
  return {
    shipmentId: uuidv7(),
    trackingNumber: 'SD123456785KZ',
    kind: 'outbound',
    orderId: uuidv7(),
    customerId: DEMO_IDS.customer,
    sellerIds: [DEMO_IDS.seller],
    lines: [{ lineId: uuidv7(), variantId: uuidv7(), quantity: 1 }],
    sortingCentreId: DEMO_SITES.sortingCentres.almaty,
    recipient: {
      countryCode: 'KZ',
      city: 'Almaty',
      line1: 'Abay Ave 10',
      lat: 43.24,
      lng: 76.92,
      recipientName: 'Dana',
      phone: '+77015550000',
    },
    weightGrams: 1200,
    dimensionsCm: { l: 30, w: 20, h: 10 },
    promisedDate: '2026-11-22',
    cashOnDelivery: { amount: 500_000, currency: 'KZT' },
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}
