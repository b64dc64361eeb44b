import { eventMigrations, idempotencyMigrations, migrate } from '@sauda/kit';
import { createTestDatabase, type TestDatabase } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { MIGRATIONS } from '../test/dispatch-test-app.ts';
import { shipment } from '../test/shipments.ts';
import { applyShipmentStatus } from './apply-shipment-status.ts';
import { openStop } from './open-stop.ts';

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
