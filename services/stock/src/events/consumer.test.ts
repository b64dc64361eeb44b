import { DEMO_SITES, OrderConfirmed, OrderPlaced, ProductCreated, type EventData } from '@sauda/contracts';
import {
  appendEvent,
  createConsumer,
  createRelay,
  eventMigrations,
  migrate,
  withTransaction,
  type EventTransport,
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
import { ledgerDrift } from '../levels/movement.ts';
import { freshSku, level, placed } from '../test/orders.ts';
import { MIGRATIONS } from '../test/stock-test-app.ts';
import { reservationHandlers, skuHandlers } from './subscribe.ts';

/** Loses the ack of every first delivery, as when a consumer crashes right after committing. */
function losingFirstAck(transport: EventTransport): EventTransport {
  return {
    ...transport,
    subscribe: (spec) =>
      transport.subscribe({
        ...spec,
        deliver: async (message, attempt) => {
          const outcome = await spec.deliver(message, attempt);
          return attempt === 1 ? { retryAfterMs: 0 } : outcome;
        },
      }),
  };
}

describe.each(testBrokerKinds())('stock consumers over $title', (kind) => {
  describe.skipIf(kind.skip !== null)(kind.skip ?? 'order and product events', () => {
    let stock: TestDatabase;
    let upstream: TestDatabase; // stands for orders' and shop's databases: an outbox the relay publishes from
    let broker: Broker;
    const cleanups: Array<() => Promise<unknown>> = [];

    beforeEach(async () => {
      stock = await createTestDatabase('stock');
      await migrate(stock.sql, MIGRATIONS, eventMigrations);
      await seedDemo(stock.sql);
      upstream = await createTestDatabase('orders');
      await migrate(upstream.sql, new URL('./no-migrations/', import.meta.url), eventMigrations);
      broker = await kind.open();
    });
    afterEach(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
      cleanups.length = 0;
      await broker.cleanup();
      await upstream.drop();
      await stock.drop();
    });

    const transport = () => {
      const opened = broker.transport();
      cleanups.push(() => opened.close());
      return opened;
    };

    async function start(): Promise<EventTransport> {
      const consumerTransport = losingFirstAck(transport());
      const options = { db: stock.sql, transport: consumerTransport, service: 'stock', logger: testLogger };
      const retry = { initialMs: 20, maxMs: 200 };
      const reservations = reservationHandlers(
        createConsumer({ ...options, name: 'reservations', retry }),
        60_000,
      );
      const skus = skuHandlers(createConsumer({ ...options, name: 'skus', retry }));
      for (const consumer of [reservations, skus]) {
        cleanups.push(() => consumer.stop());
        await consumer.start();
      }
      const publisher = transport();
      const relay = createRelay({ db: upstream.sql, transport: publisher, logger: testLogger, pollMs: 50 });
      cleanups.push(() => relay.stop());
      await relay.start();
      return publisher;
    }

    it('reserves once and commits once when the broker redelivers every event', async () => {
      const publisher = await start();
      const variantId = await freshSku(stock.sql, { [DEMO_SITES.depots.almaty]: 5 });
      const order = placed([{ variantId, quantity: 2 }]);
      const [event] = await withTransaction(upstream.sql, async (tx) => [
        await appendEvent(tx, OrderPlaced, order),
      ]);
      if (!event) throw new Error('appended');
      await publisher.publish(event); // published twice, as after a relay crash before marking its row
      await eventually(async () =>
        expect(await level(stock.sql, variantId, DEMO_SITES.depots.almaty)).toMatchObject({ reserved: 2 }),
      );
      await withTransaction(upstream.sql, (tx) =>
        appendEvent(tx, OrderConfirmed, { orderId: order.orderId, confirmedAt: new Date().toISOString() }),
      );
      await eventually(async () =>
        expect(await level(stock.sql, variantId, DEMO_SITES.depots.almaty)).toMatchObject({
          reserved: 0,
          committed: 2,
        }),
      );
      const [tasks] =
        await stock.sql`select count(*)::int as n from pick_tasks where order_id = ${order.orderId}`;
      expect(tasks).toEqual({ n: 1 });
      expect(await ledgerDrift(stock.sql)).toEqual([]);
    });

    it('learns a new product’s variants as SKUs of its seller', async () => {
      await start();
      const product: EventData<typeof ProductCreated> = {
        productId: uuidv7(),
        sellerId: uuidv7(),
        slug: 'felt-slippers',
        title: 'Felt slippers',
        price: { amount: 990_000, currency: 'KZT' },
        status: 'active',
        variants: [
          { variantId: uuidv7(), sku: 'FS-38', title: '38', weightGrams: 400 },
          { variantId: uuidv7(), sku: 'FS-40', title: '40', weightGrams: 420 },
        ],
        createdAt: new Date().toISOString(),
      };
      await withTransaction(upstream.sql, (tx) => appendEvent(tx, ProductCreated, product));
      await eventually(async () => {
        const rows =
          await stock.sql`select sku, title, seller_id from skus where product_id = ${product.productId} order by sku`;
        expect(rows).toEqual([
          { sku: 'FS-38', title: 'Felt slippers — 38', seller_id: product.sellerId },
          { sku: 'FS-40', title: 'Felt slippers — 40', seller_id: product.sellerId },
        ]);
      });
    });
  });
});
