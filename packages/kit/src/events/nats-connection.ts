/** A NATS connection that keeps trying until the first connect succeeds, then reconnects forever. */
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { backoffDelay, errorMessage, Waker, withTimeout } from './timing.ts';
import { type EventLogger, BrokerUnavailable } from './transport.ts';

/** Connection settings. */
export interface NatsConnectionOptions {
  servers: string | string[];
  name: string;
  logger: EventLogger;
  reconnectTimeWaitMs: number;
}

/** The shared connection of a transport. */
export interface NatsLink {
  /** The connection, waiting at most `timeoutMs` for it; rejects with BrokerUnavailable. */
  get(timeoutMs: number): Promise<NatsConnection>;
  /** The connection if it is up now. */
  current(): NatsConnection | undefined;
  close(): Promise<void>;
}

/**
 * Opens the link in the background. A plain `connect()` fails when the server is down at start-up and
 * `waitOnFirstConnect` could not be cancelled on shutdown, hence this small loop of our own.
 */
export function openNatsLink(options: NatsConnectionOptions): NatsLink {
  const log = options.logger;
  const waker = new Waker();
  let closed = false;
  let connection: NatsConnection | undefined;
  let waiters: Array<(nc: NatsConnection) => void> = [];

  async function connectLoop(): Promise<void> {
    for (let failures = 1; !closed; failures += 1) {
      try {
        const nc = await connect({
          servers: options.servers,
          name: options.name,
          maxReconnectAttempts: -1,
          reconnectTimeWait: options.reconnectTimeWaitMs,
          timeout: 5000,
        });
        if (closed) {
          await nc.close();
          return;
        }
        connection = nc;
        for (const resolve of waiters) resolve(nc);
        waiters = [];
        watch(nc).catch((error: unknown) => log.warn({ err: error }, 'NATS status watch ended'));
        return;
      } catch (error) {
        const delay = backoffDelay(failures, { initialMs: options.reconnectTimeWaitMs, maxMs: 5000 });
        if (failures === 1 || failures % 20 === 0) {
          log.warn({ err: error, failures }, 'NATS is unreachable; still trying (%s)', errorMessage(error));
        }
        await waker.sleep(delay);
      }
    }
  }

  async function watch(nc: NatsConnection): Promise<void> {
    void nc.closed().then(() => {
      // With unlimited reconnects the client only closes on our close() or a fatal error (e.g. bad credentials).
      if (closed) return;
      log.error('NATS connection closed; connecting again');
      connection = undefined;
      void connectLoop();
    });
    for await (const status of nc.status()) {
      if (status.type === 'disconnect')
        log.warn({ server: status.server }, 'NATS disconnected; reconnecting');
      if (status.type === 'reconnect') log.info({ server: status.server }, 'NATS reconnected');
    }
  }

  const started = connectLoop();

  return {
    async get(timeoutMs) {
      if (closed) throw new BrokerUnavailable('NATS transport is closed');
      if (connection) return connection;
      let waiter: ((nc: NatsConnection) => void) | undefined;
      const ready = new Promise<NatsConnection>((resolve) => {
        waiter = resolve;
        waiters.push(resolve);
      });
      try {
        return await withTimeout(
          ready,
          timeoutMs,
          () => new BrokerUnavailable(`NATS not connected in ${timeoutMs} ms`),
        );
      } finally {
        waiters = waiters.filter((other) => other !== waiter);
      }
    },
    current: () => connection,
    async close() {
      closed = true;
      waker.wake();
      await started;
      await connection?.close();
      connection = undefined;
    },
  };
}
