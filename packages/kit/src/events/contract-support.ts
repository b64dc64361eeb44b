/** Test support for the transport contract suite: brokers on isolated namespaces, a TCP proxy, polling. */
import { randomBytes } from 'node:crypto';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { EventData, ProductCreated } from '@sauda/contracts';
import pino from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { migrate } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { createConsumer, type Consumer, type ConsumerOptions } from './consumer.ts';
import { eventMigrations } from './migrations.ts';
import { createNatsTransport } from './nats-transport.ts';
import { createPgBossTransport } from './pgboss-transport.ts';
import { createRelay, type Relay, type RelayOptions } from './relay.ts';
import type { EventTransport } from './transport.ts';

/** Silent unless a test is being debugged (change the level here, not in CI). */
export const logger = pino({ level: process.env.EVENTS_TEST_LOG ?? 'silent' });

/** A broker namespace (NATS stream + subject prefix, or pg-boss schema) private to one test. */
export interface Broker {
  /** Where the broker listens, for a proxy to forward to. */
  address: { host: string; port: number };
  /** A new transport on this namespace; `port` sends it through a proxy instead. */
  transport(port?: number): EventTransport;
  cleanup(): Promise<void>;
}

/** One transport under contract. `skip` is why it cannot run here, or null. */
export interface BrokerKind {
  title: string;
  skip: string | null;
  open(): Promise<Broker>;
}

const suffix = (): string => randomBytes(4).toString('hex');

/** NATS JetStream: a stream `t_<random>` for subjects `t_<random>.>`, deleted afterwards. */
export function natsKind(natsUrl: string | null): BrokerKind {
  return {
    title: 'NATS JetStream',
    skip: natsUrl ? null : 'SKIPPED: NATS is not reachable (start nats-server -js on 127.0.0.1:4222)',
    open() {
      const url = new URL(natsUrl ?? 'nats://127.0.0.1:4222');
      const address = { host: url.hostname, port: Number(url.port || 4222) };
      const name = `t_${suffix()}`;
      return Promise.resolve({
        address,
        transport: (port) =>
          createNatsTransport({
            servers: `nats://${address.host}:${port ?? address.port}`,
            stream: name,
            subjectPrefix: name,
            logger,
            publishTimeoutMs: 1000,
            reconnectTimeWaitMs: 100,
            ackWaitMs: 10_000,
          }),
        async cleanup() {
          const nc = await connect({ servers: `nats://${address.host}:${address.port}` });
          const jsm = await jetstreamManager(nc);
          await jsm.streams.delete(name).catch(() => false); // a test that never published has no stream
          await nc.close();
        },
      });
    },
  };
}

/** pg-boss: a bus database per test and a `pgboss_<random>` schema in it. */
export function pgBossKind(): BrokerKind {
  return {
    title: 'PostgreSQL (pg-boss)',
    skip: null,
    async open() {
      const bus = await createTestDatabase('bus');
      const url = new URL(bus.url);
      const address = { host: url.hostname, port: Number(url.port || 5432) };
      const schema = `pgboss_${suffix()}`;
      return {
        address,
        transport(port) {
          const via = new URL(bus.url);
          via.port = String(port ?? address.port);
          return createPgBossTransport({ connectionString: via.toString(), schema, logger, pollMs: 50 });
        },
        cleanup: () => bus.drop(),
      };
    },
  };
}

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
    createdAt: new Date().toISOString(),
  };
}

/** Polls `probe` until it stops throwing; fails with its last error after `timeoutMs`. */
export async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * A TCP proxy in front of a broker that can be cut off and restored. While cut it still listens but drops
 * every connection at once: releasing the port could let a client's own ephemeral port take it meanwhile.
 */
export class TcpProxy {
  #passing = false;
  readonly #sockets = new Set<Socket>();
  readonly #server: Server;

  private constructor(private readonly target: { host: string; port: number }) {
    this.#server = createServer((client) => this.#accept(client));
  }

  /** A proxy on a free port, cut off until `open()`. */
  static async create(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await new Promise<void>((resolve, reject) => {
      proxy.#server.once('error', reject);
      proxy.#server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** The port clients connect to. */
  get port(): number {
    const address = this.#server.address();
    if (typeof address !== 'object' || !address) throw new Error('proxy is not listening');
    return address.port;
  }

  #accept(client: Socket): void {
    if (!this.#passing) {
      client.destroy();
      return;
    }
    const upstream = tcpConnect(this.target.port, this.target.host);
    for (const socket of [client, upstream]) {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  }

  /** Lets connections through. */
  open(): void {
    this.#passing = true;
  }

  /** Cuts the broker off: live connections drop, new ones are refused. */
  close(): void {
    this.#passing = false;
    for (const socket of this.#sockets) socket.destroy();
  }

  /** Stops listening for good. */
  async shutdown(): Promise<void> {
    this.close();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
