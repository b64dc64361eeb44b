/** Test brokers on isolated namespaces (a NATS stream or a pg-boss schema per test), a TCP proxy, polling. */
import { randomBytes } from 'node:crypto';
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pino, { type Logger } from 'pino';
import { inject } from 'vitest';
import { createNatsTransport } from '../events/nats-transport.ts';
import { createPgBossTransport } from '../events/pgboss-transport.ts';
import type { EventTransport } from '../events/transport.ts';
import { createTestDatabase } from './database.ts';
import './provided.ts';

/** Silent unless a test is being debugged (`EVENTS_TEST_LOG=debug`). */
export const testLogger: Logger = pino({ level: process.env.EVENTS_TEST_LOG ?? 'silent' });
const logger = testLogger;

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
export function natsKind(natsUrl: string | null = inject('natsUrl')): BrokerKind {
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

/** Both transports, NATS first (skipped with a loud title when NATS is unreachable outside CI). */
export function testBrokerKinds(): BrokerKind[] {
  return [natsKind(), pgBossKind()];
}
