import {
  DEMO_SITES,
  RoleChanged,
  ShipmentCreated,
  ShipmentStatusChanged,
  StaffAssigned,
  UserRegistered,
  type EventData,
} from '@sauda/contracts';
import {
  appendEvent,
  createConsumer,
  createRelay,
  eventMigrations,
  idempotencyMigrations,
  migrate,
  withTransaction,
} from '@sauda/kit';
import {
  createTestDatabase,
  eventually,
  testBrokerKinds,
  testLogger,
  type Broker,
  type TestDatabase,
} from '@sauda/kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { MIGRATIONS } from '../test/dispatch-test-app.ts';
import { shipment } from '../test/shipments.ts';
import { driverHandlers, shipmentHandlers } from './subscribe.ts';

const status = (
  s: EventData<typeof ShipmentCreated>,
  next: EventData<typeof ShipmentStatusChanged>['status'],
) => ({
  shipmentId: s.shipmentId,
  trackingNumber: s.trackingNumber,
  kind: s.kind,
  orderId: s.orderId,
  status: next,
  previousStatus: null,
  at: new Date().toISOString(),
});

describe.each(testBrokerKinds())('dispatching consumers over $title', (kind) => {
  describe.skipIf(kind.skip !== null)(kind.skip ?? 'shipment and user events', () => {
    let own: TestDatabase;
    let upstream: TestDatabase;
    let broker: Broker;
    const cleanups: Array<() => Promise<unknown>> = [];

    beforeEach(async () => {
      own = await createTestDatabase('dispatching');
      await migrate(own.sql, MIGRATIONS, [...eventMigrations, ...idempotencyMigrations]);
      await seedDemo(own.sql);
      upstream = await createTestDatabase('shipping');
      await migrate(upstream.sql, new URL('./no-migrations/', import.meta.url), eventMigrations);
      broker = await kind.open();
      const options = {
        db: own.sql,
        service: 'dispatching',
        logger: testLogger,
        retry: { initialMs: 20, maxMs: 200 },
      };
      for (const consumer of [
        shipmentHandlers(createConsumer({ ...options, transport: broker.transport(), name: 'shipments' })),
        driverHandlers(createConsumer({ ...options, transport: broker.transport(), name: 'drivers' })),
      ]) {
        cleanups.push(() => consumer.stop());
        await consumer.start();
      }
      const publisher = broker.transport();
      const relay = createRelay({ db: upstream.sql, transport: publisher, logger: testLogger, pollMs: 50 });
      cleanups.push(
        () => publisher.close(),
        () => relay.stop(),
      );
      await relay.start();
    });
    afterEach(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
      cleanups.length = 0;
      await broker.cleanup();
      await upstream.drop();
      await own.drop();
    });

    const publish = (work: Parameters<typeof withTransaction>[1]) => withTransaction(upstream.sql, work);

    it('opens one stop per shipment even when the event comes twice, waiting once the parcel is at the centre', async () => {
      const s = shipment();
      const envelope = await publish((tx) => appendEvent(tx, ShipmentCreated, s));
      const again = broker.transport();
      await again.publish(envelope as never);
      await again.close();
      await eventually(async () => {
        const rows =
          await own.sql`select status, kind, cod_amount::int as cod from stops where shipment_id = ${s.shipmentId}`;
        expect(rows).toEqual([{ status: 'expected', kind: 'delivery', cod: 500_000 }]);
      });
      await publish((tx) => appendEvent(tx, ShipmentStatusChanged, status(s, 'accepted')));
      await eventually(async () => {
        const [row] = await own.sql`select status from stops where shipment_id = ${s.shipmentId}`;
        expect(row).toEqual({ status: 'waiting' });
      });
      await publish((tx) => appendEvent(tx, ShipmentStatusChanged, status(s, 'cancelled')));
      await eventually(async () => {
        const [row] = await own.sql`select status from stops where shipment_id = ${s.shipmentId}`;
        expect(row).toEqual({ status: 'cancelled' });
      });
    });

    it('remembers a status that overtook its shipment, makes returns pickups and skips carriers', async () => {
      const late = shipment();
      const ret = shipment({ kind: 'return' });
      const carrier = shipment({ sortingCentreId: undefined });
      await publish(async (tx) => {
        await appendEvent(tx, ShipmentStatusChanged, status(late, 'in_transit'));
        await appendEvent(tx, ShipmentCreated, late);
        await appendEvent(tx, ShipmentCreated, ret);
        await appendEvent(tx, ShipmentCreated, carrier);
      });
      await eventually(async () => {
        const rows = await own.sql`
          select shipment_id, status, kind from stops where shipment_id in (${late.shipmentId}, ${ret.shipmentId}, ${carrier.shipmentId})
          order by kind`;
        expect(rows).toEqual([
          { shipment_id: late.shipmentId, status: 'waiting', kind: 'delivery' },
          { shipment_id: ret.shipmentId, status: 'waiting', kind: 'pickup' },
        ]);
      });
    });

    it('learns drivers from users: name, role and sorting centre', async () => {
      const userId = uuidv7();
      const now = new Date().toISOString();
      await publish(async (tx) => {
        await appendEvent(tx, UserRegistered, {
          userId,
          email: 'd@x.kz',
          name: 'Ерлан',
          roles: ['customer'],
          locale: 'ru',
          registeredAt: now,
        });
        await appendEvent(tx, RoleChanged, {
          userId,
          roles: ['driver'],
          previousRoles: ['customer'],
          changedAt: now,
        });
        await appendEvent(tx, StaffAssigned, {
          userId,
          depotId: null,
          sortingCentreId: DEMO_SITES.sortingCentres.astana,
          assignedAt: now,
        });
      });
      await eventually(async () => {
        const [row] =
          await own.sql`select name, is_driver, sorting_centre_id from drivers where user_id = ${userId}`;
        expect(row).toEqual({
          name: 'Ерлан',
          is_driver: true,
          sorting_centre_id: DEMO_SITES.sortingCentres.astana,
        });
      });
    });
  });
});
