import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProductArchived, ProductCreated, type Product } from '@sauda/contracts';
import {
  appendEvent,
  createConsumer,
  createRelay,
  eventMigrations,
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
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Lexicon } from '../nlu/lexicon.ts';
import { CatalogIndex } from '../retrieval/catalog-index.ts';
import { MIGRATIONS } from '../test/assistant-test-app.ts';
import { closeClients, createClients } from '../tools/clients.ts';
import { indexHandlers } from './subscribe.ts';

const PRODUCT_ID = '01990000-0000-7000-8000-0000000fe501';

const product: Product = {
  id: PRODUCT_ID,
  slug: 'qazaq-dombra-classic',
  title: 'Qazaq dombra, classic',
  description: 'A two-stringed dombra of Siberian pine, hand made in Almaty.',
  brand: 'Qazaq Craft',
  category: { id: '01900000-0000-7000-8000-0000000c0005', slug: 'home', name: 'Home' },
  price: { amount: 4_500_000, currency: 'KZT' },
  sellerId: '01940000-0000-7000-8000-000000000002',
  sellerName: 'Sauda Demo Store',
  status: 'active',
  imageUrl: null,
  rating: null,
  attributes: { material: 'pine' },
  createdAt: '2026-11-21T00:00:00.000Z',
  variants: [],
};

describe.each(testBrokerKinds())('the index follows shop events over $title', (kind) => {
  describe.skipIf(kind.skip !== null)(kind.skip ?? 'product events', () => {
    let assistant: TestDatabase;
    let shopDb: TestDatabase;
    let broker: Broker;
    let shop: Server;
    const cleanups: Array<() => Promise<unknown>> = [];

    beforeEach(async () => {
      assistant = await createTestDatabase('assistant');
      await migrate(assistant.sql, MIGRATIONS, eventMigrations);
      shopDb = await createTestDatabase('shop');
      await migrate(shopDb.sql, new URL('./no-migrations/', import.meta.url), eventMigrations);
      broker = await kind.open();
      shop = createServer((req, res) => {
        const found = req.url?.startsWith(`/products/${PRODUCT_ID}`);
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(found ? product : { code: 'PRODUCT_NOT_FOUND' }));
      });
      await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    });
    afterEach(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
      cleanups.length = 0;
      await new Promise((resolve) => shop.close(resolve));
      await broker.cleanup();
      await shopDb.drop();
      await assistant.drop();
    });

    it('a new product is findable as soon as its event arrives, and an archived one is gone', async () => {
      const url = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
      const clients = createClients({ shop: url, orders: url, shipping: url, users: url });
      cleanups.push(() => closeClients(clients));
      const index = new CatalogIndex(new Lexicon());
      const consumerTransport = broker.transport();
      const publisher = broker.transport();
      cleanups.push(
        () => consumerTransport.close(),
        () => publisher.close(),
      );
      const consumer = indexHandlers(
        createConsumer({
          db: assistant.sql,
          transport: consumerTransport,
          service: 'assistant',
          name: 'index-test',
          logger: testLogger,
          retry: { initialMs: 20, maxMs: 200 },
        }),
        { clients, index, paths: new Map([['home', ['home']]]) },
      );
      cleanups.push(() => consumer.stop());
      await consumer.start();
      const relay = createRelay({ db: shopDb.sql, transport: publisher, logger: testLogger, pollMs: 50 });
      cleanups.push(() => relay.stop());
      await relay.start();

      await withTransaction(shopDb.sql, (tx) =>
        appendEvent(tx, ProductCreated, {
          productId: PRODUCT_ID,
          sellerId: product.sellerId,
          slug: product.slug,
          title: product.title,
          price: product.price,
          status: 'active',
          variants: [],
          categoryId: product.category?.id ?? null,
          createdAt: product.createdAt,
        }),
      );
      await eventually(async () => {
        expect(
          index.search({ text: 'dombra', filters: {}, requireMatch: true }).hits.map((p) => p.id),
        ).toEqual([PRODUCT_ID]);
      });
      await withTransaction(shopDb.sql, (tx) =>
        appendEvent(tx, ProductArchived, {
          productId: PRODUCT_ID,
          sellerId: product.sellerId,
          archivedAt: new Date().toISOString(),
        }),
      );
      await eventually(async () => {
        expect(index.get(PRODUCT_ID)).toBeUndefined();
      });
    });
  });
});
