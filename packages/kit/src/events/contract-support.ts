/** Test support for the transport contract suite: a producer and a consumer database around a test broker. */
import type { EventData, ProductCreated } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { migrate } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { createConsumer, type Consumer, type ConsumerOptions } from './consumer.ts';
import { eventMigrations } from './migrations.ts';
import { createRelay, type Relay, type RelayOptions } from './relay.ts';
import type { EventTransport } from './transport.ts';
import { testLogger as logger, type Broker, type BrokerKind } from '../testing/brokers.ts';

/** Everything one test needs, torn down in reverse order by `dispose()`. */
export class World {
  readonly #cleanups: Array<() => Promise<unknown>> = [];

  private constructor(
    readonly broker: Broker,
    readonly producer: TestDatabase,
    readonly consumerDb: TestDatabase,
  ) {}

  /** Producer and consumer databases (separate, migrated) and a fresh broker namespace. */
  static async create(kind: BrokerKind): Promise<World> {
    const [producer, consumerDb, broker] = await Promise.all([
      createTestDatabase('producer'),
      createTestDatabase('consumer'),
      kind.open(),
    ]);
    // The directory does not exist: only the kit's own migrations are applied.
    const noServiceMigrations = new URL('./no-such-dir/', import.meta.url);
    await migrate(producer.sql, noServiceMigrations, eventMigrations);
    await migrate(consumerDb.sql, noServiceMigrations, eventMigrations);
    await consumerDb.sql`create table handled (event_id uuid not null, title text not null, trace_id text)`;
    return new World(broker, producer, consumerDb);
  }

  /** A transport on this test's namespace, closed at the end. */
  transport(port?: number): EventTransport {
    const transport = this.broker.transport(port);
    this.#cleanups.push(() => transport.close());
    return transport;
  }

  /** A relay over the producer database, stopped at the end (start it yourself). */
  relay(transport: EventTransport, options: Partial<RelayOptions> = {}): Relay {
    const relay = createRelay({
      db: this.producer.sql,
      transport,
      logger,
      pollMs: 200,
      backoff: { initialMs: 50, maxMs: 300 },
      ...options,
    });
    this.#cleanups.push(() => relay.stop());
    return relay;
  }

  /** A `stock.product-projection` consumer over the consumer database, stopped at the end. */
  consumer(transport: EventTransport, options: Partial<ConsumerOptions> = {}): Consumer {
    const consumer = createConsumer({
      db: this.consumerDb.sql,
      transport,
      service: 'stock',
      name: 'product-projection',
      logger,
      retry: { initialMs: 20, maxMs: 200 },
      ...options,
    });
    this.#cleanups.push(() => consumer.stop());
    return consumer;
  }

  /** Registers extra teardown (e.g. a proxy). */
  defer(cleanup: () => Promise<unknown>): void {
    this.#cleanups.push(cleanup);
  }

  /** Titles the consumer's handler stored, sorted (duplicates would show). */
  async handledTitles(): Promise<string[]> {
    const rows = await this.consumerDb.sql<{ title: string }[]>`select title from handled order by title`;
    return rows.map((row) => row.title);
  }

  async dispose(): Promise<void> {
    for (const cleanup of this.#cleanups.reverse()) await cleanup();
    await Promise.all([this.producer.drop(), this.consumerDb.drop(), this.broker.cleanup()]);
  }
}

/** Valid `shop.product.created.v1` data with the given title. */
export function product(title: string): EventData<typeof ProductCreated> {
  return {
    productId: uuidv7(),
    sellerId: uuidv7(),
    slug: title.toLowerCase().replace(/\W+/g, '-'),
    title,
    price: { amount: 1_250_000, currency: 'KZT' },
    status: 'active',
    variants: [{ variantId: uuidv7(), sku: 'SKU-1', title, weightGrams: 500 }],
    createdAt: new Date().toISOString(),
  };
}
