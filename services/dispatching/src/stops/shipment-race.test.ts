import { DEMO_IDS, DEMO_SITES, type EventData, type ShipmentCreated } from '@sauda/contracts';
import { eventMigrations, idempotencyMigrations, migrate } from '@sauda/kit';
import { createTestDatabase, type TestDatabase } from '@sauda/kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { MIGRATIONS } from '../test/dispatch-test-app.ts';
import { applyShipmentStatus } from './apply-shipment-status.ts';
import { openStop } from './open-stop.ts';

const shipment = (): EventData<typeof ShipmentCreated> => ({
  shipmentId: uuidv7(),
  trackingNumber: 'SD123456785KZ',
  kind: 'outbound',
  orderId: uuidv7(),
  customerId: DEMO_IDS.customer,
  sellerIds: [DEMO_IDS.seller],
  lines: [{ lineId: uuidv7(), variantId: uuidv7(), quantity: 1 }],
  sortingCentreId: DEMO_SITES.sortingCentres.almaty,
  recipient: { countryCode: 'KZ', city: 'Almaty', line1: 'Abay Ave 10', lat: 43.24, lng: 76.92 },
  weightGrams: 1200,
  dimensionsCm: { l: 30, w: 20, h: 10 },
  promisedDate: '2026-11-22',
  createdAt: new Date().toISOString(),
});

describe('a status and its shipment handled at the same moment', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('dispatching');
    await migrate(db.sql, MIGRATIONS, [...eventMigrations, ...idempotencyMigrations]);
    await seedDemo(db.sql);
  });
  afterAll(async () => db.drop());

  it('keeps the early status when the shipment opens while the status is still uncommitted', async () => {
    const s = shipment();
    let commit: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let applied: () => void = () => undefined;
    const statusWritten = new Promise<void>((resolve) => (applied = resolve));
    const statusTx = db.sql.begin(async (tx) => {
      await applyShipmentStatus(tx, {
        shipmentId: s.shipmentId,
        trackingNumber: s.trackingNumber,
        kind: s.kind,
        orderId: s.orderId,
        status: 'in_transit',
        previousStatus: null,
        at: new Date().toISOString(),
      });
      applied();
      await held;
    });
    await statusWritten;
    // The shipment's own transaction starts while the status is written but not committed: it waits for it.
    const openTx = db.sql.begin((tx) => openStop(tx, s));
    await new Promise((resolve) => setTimeout(resolve, 100));
    commit();
    await statusTx;
    expect(await openTx).toBe(true);
    const [stop] = await db.sql`select status from stops where shipment_id = ${s.shipmentId}`;
    expect(stop).toEqual({ status: 'waiting' });
  });
});
