import { DEMO_IDS, DEMO_SITES, StopDelivered } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Shipment } from '../data/shipments-repo.ts';
import { fleetHandlers } from '../events/subscribe.ts';
import { captureHandlers } from '../test/capture.ts';
import { openShipment } from '../test/open.ts';
import { createShippingTestApp, type ShippingTestApp } from '../test/shipping-test-app.ts';
import { deliveries, exposeShippingMetrics } from './delivery-metrics.ts';

let t: ShippingTestApp;
let delivered: EventHandler<typeof StopDelivered>;

beforeAll(async () => {
  t = await createShippingTestApp();
  exposeShippingMetrics(t.app);
  delivered = captureHandlers((consumer) => fleetHandlers(consumer, t.policy))(
    StopDelivered.type,
  ) as EventHandler<typeof StopDelivered>;
});
afterAll(() => t.close());

async function count(onTime: boolean): Promise<number> {
  const { values } = await deliveries.get();
  return values.find((v) => v.labels.on_time === String(onTime))?.value ?? 0;
}

async function deliver(shipment: Shipment, at: Date): Promise<void> {
  await t.deliver(StopDelivered, delivered, {
    roundId: uuidv7(),
    stopId: uuidv7(),
    shipmentId: shipment.id,
    trackingNumber: shipment.trackingNumber,
    driverId: DEMO_IDS.driver,
    sortingCentreId: DEMO_SITES.sortingCentres.almaty,
    at: at.toISOString(),
    proof: { kind: 'signature', recipientName: 'Dana C.' },
  });
}

describe('shipping_deliveries_total', () => {
  it('counts each outbound delivery once, on time or late against the promised date', async () => {
    const [onTimeBefore, lateBefore] = [await count(true), await count(false)];
    const early = await openShipment(t);
    await deliver(early, new Date());
    await deliver(early, new Date()); // the same proof twice: still one delivery
    const late = await openShipment(t);
    await t.db.sql`update shipments set promised_date = current_date - 3 where id = ${late.id}`;
    await deliver(late, new Date());
    expect((await count(true)) - onTimeBefore).toBe(1);
    expect((await count(false)) - lateBefore).toBe(1);
    const text = (await t.app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/^shipping_deliveries_total\{on_time="true",service="shipping"\} \d+$/m);
  });
});
