import { DEMO_IDS, ProductCreated, type EventData } from '@sauda/contracts';
import {
  appendEvent,
  createConsumer,
  createRelay,
  eventMigrations,
  migrate,
  withTransaction,
  type ConsumerOptions,
  type EventTransport,
} from '@sauda/kit';
import {
  createTestDatabase,
  eventually,
  testBrokerKinds,
  type Broker,
  type TestDatabase,
} from '@sauda/kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../accounts/seed-demo-accounts.ts';
import { startTestUsers, type TestUsers } from '../test-app.ts';
import { onProductCreated } from './product-created.ts';

const kinds = testBrokerKinds();

/** Loses the ack of every first delivery, as when a consumer crashes right after committing. */
function losingFirstAck(transport: EventTransport, attempts: number[]): EventTransport {
  return {
    ...transport,
    subscribe: (spec) =>
      transport.subscribe({
        ...spec,
        deliver: async (message, attempt) => {
          attempts.push(attempt);
          const outcome = await spec.deliver(message, attempt);
          return attempt === 1 ? { retryAfterMs: 0 } : outcome;
        },
      }),
  };
}

function product(title: string): EventData<typeof ProductCreated> {
  return {
    productId: uuidv7(),
    sellerId: DEMO_IDS.seller,
    slug: title.toLowerCase().replace(/\W+/g, '-'),
    title,
    price: { amount: 1_250_000, currency: 'KZT' },
    status: 'active',
    variants: [{ variantId: uuidv7(), sku: 'SKU-1', title, weightGrams: 500 }],
    createdAt: new Date().toISOString(),
  };
}

describe.each(kinds)('shop.product.created.v1 over $title', (kind) => {
  describe.skipIf(kind.skip !== null)(kind.skip ?? 'the seller-shops consumer', () => {
    let users: TestUsers;
    let shop: TestDatabase;
    let broker: Broker;
    const cleanups: Array<() => Promise<unknown>> = [];

    beforeEach(async () => {
      users = await startTestUsers();
      await seedDemoAccounts(users.database.sql);
      // shop's side: its own database with the kit's outbox, from which a relay publishes.
      shop = await createTestDatabase('shop');
      await migrate(shop.sql, new URL('./no-migrations/', import.meta.url), eventMigrations);
      broker = await kind.open();
    });
    afterEach(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
      cleanups.length = 0;
      await broker.cleanup();
      await shop.drop();
      await users.close();
    });

    const logger = () => users.app.log as unknown as ConsumerOptions['logger'];
    const transport = () => {
      const opened = broker.transport();
      cleanups.push(() => opened.close());
      return opened;
    };
    const shopCard = async () =>
      (await users.app.inject({ url: `/sellers/${DEMO_IDS.seller}` })).json<{ productCount: number }>();

    it('counts a product once in its seller’s shop, even when the broker delivers it twice', async () => {
      const attempts: number[] = [];
      const consumer = createConsumer({
        db: users.database.sql,
        transport: losingFirstAck(transport(), attempts),
        service: 'users',
        name: 'seller-shops',
        logger: logger(),
        retry: { initialMs: 20, maxMs: 200 },
      }).on(ProductCreated, onProductCreated);
      cleanups.push(() => consumer.stop());
      await consumer.start();
      expect(await shopCard()).toEqual({ id: DEMO_IDS.seller, name: 'Altyn Bazaar', productCount: 0 });

      const publisher = transport();
      const [event] = await withTransaction(shop.sql, async (tx) => [
        await appendEvent(tx, ProductCreated, product('Felt slippers')),
      ]);
      if (!event) throw new Error('one event was appended');
      const relay = createRelay({ db: shop.sql, transport: publisher, logger: logger(), pollMs: 100 });
      cleanups.push(() => relay.stop());
      await relay.start();
      await publisher.publish(event); // published again, as after a relay crash before marking the row

      await eventually(async () => expect(attempts).toContain(2)); // really delivered a second time
      await eventually(async () => expect(await consumer.lag()).toBe(0));
      expect(await shopCard()).toMatchObject({ productCount: 1 });

      await withTransaction(shop.sql, (tx) => appendEvent(tx, ProductCreated, product('Wool scarf')));
      await eventually(async () => expect(await shopCard()).toMatchObject({ productCount: 2 }));
      const [row] = await users.database.sql<{ last_product_at: Date | null }[]>`
        select last_product_at from seller_shops where seller_id = ${DEMO_IDS.seller}`;
      expect(row?.last_product_at).toBeInstanceOf(Date);
    });
  });
});
