/**
 * The data runtime of a service: its pool, its migrations (plus the kit's event tables), the event
 * transport chosen by configuration, the outbox relay and its consumers — opened in order and closed
 * in reverse. Business code never learns which transport or mode it runs in.
 */
import pino, { type Logger } from 'pino';
import { ConfigError } from './config/config.ts';
import { createDb, pingDb, type Db } from './db/db.ts';
import { migrate, type MigrationFile } from './db/migrate.ts';
import {
  createConsumer,
  createNatsTransport,
  createPgBossTransport,
  createRelay,
  eventMigrations,
  registerEventMetrics,
  type Consumer,
  type ConsumerOptions,
  type EventTransport,
  type Relay,
} from './events/index.ts';
import { addReadinessCheck } from './http/health.ts';
import type { App } from './http/service.ts';
import { loggerOptions } from './observability/logger.ts';
import { initServiceTracing, type TracingConfig } from './observability/tracing.ts';

/** The configuration fields the runtime reads (from `baseConfig` and `dataConfig`). */
export interface DataRuntimeConfig {
  DATABASE_URL: string;
  DATABASE_POOL_MAX: number;
  EVENT_TRANSPORT: 'pg' | 'nats';
  NATS_URL?: string | undefined;
  NATS_STREAM?: string | undefined;
  NATS_SUBJECT_PREFIX?: string | undefined;
  BUS_DATABASE_URL?: string | undefined;
  EVENT_JOB_EXPIRY_SECONDS?: number | undefined;
  LOG_LEVEL: string;
  LOG_FORMAT: 'json' | 'pretty';
  TRACE_EXPORTER: TracingConfig['TRACE_EXPORTER'];
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
}

export interface DataRuntime {
  db: Db;
  transport: EventTransport;
  relay: Relay;
  logger: Logger;
  /** A named consumer of this service; register handlers with `.on()` before `start()`. */
  consumer(
    name: string,
    options?: Pick<ConsumerOptions, 'maxAttempts' | 'batch' | 'batchKey' | 'parallel'>,
  ): Consumer;
  /** Adds readiness checks (db, bus) and the event gauges to an app. */
  attach(app: App): void;
  /** Starts the relay and every consumer. */
  start(): Promise<void>;
  /** Closes consumers, relay, transport and pool, in that order. */
  close(): Promise<void>;
}

/** Picks the transport from configuration; a missing URL is a configuration error, not a default. */
export function createEventTransport(
  service: string,
  config: DataRuntimeConfig,
  logger: Logger,
): EventTransport {
  if (config.EVENT_TRANSPORT === 'nats') {
    if (!config.NATS_URL) throw new ConfigError(['NATS_URL: is required when EVENT_TRANSPORT=nats']);
    return createNatsTransport({
      servers: config.NATS_URL.split(','),
      logger,
      name: service,
      ...(config.NATS_STREAM ? { stream: config.NATS_STREAM } : {}),
      ...(config.NATS_SUBJECT_PREFIX ? { subjectPrefix: config.NATS_SUBJECT_PREFIX } : {}),
    });
  }
  if (!config.BUS_DATABASE_URL)
    throw new ConfigError(['BUS_DATABASE_URL: is required when EVENT_TRANSPORT=pg']);
  return createPgBossTransport({
    connectionString: config.BUS_DATABASE_URL,
    logger,
    maxConnections: 4,
    ...(config.EVENT_JOB_EXPIRY_SECONDS ? { expireInSeconds: config.EVENT_JOB_EXPIRY_SECONDS } : {}),
  });
}

/**
 * Starts tracing (first, so every later span reaches the configured exporter), opens the pool, applies
 * the migrations and prepares transport and relay (not yet started).
 */
export async function openDataRuntime(
  service: string,
  config: DataRuntimeConfig,
  migrations: URL,
  /** More kit tables the service uses besides the event tables (e.g. `idempotencyMigrations`). */
  kitMigrations: MigrationFile[] = [],
): Promise<DataRuntime> {
  initServiceTracing(service, config);
  const logger = pino(loggerOptions({ service, level: config.LOG_LEVEL, format: config.LOG_FORMAT }));
  const db = createDb(config.DATABASE_URL, { max: config.DATABASE_POOL_MAX, applicationName: service });
  const { applied } = await migrate(db, migrations, [...eventMigrations, ...kitMigrations]);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const transport = createEventTransport(service, config, logger);
  // The relay's claims and marks are at-least-once bookkeeping: one lost in a database crash only means a
  // row published again (deduplicated by event id), so they need not wait for the WAL flush.
  const relayDb = createDb(config.DATABASE_URL, {
    max: 2,
    applicationName: `${service}-relay`,
    durableCommits: false,
  });
  const relay = createRelay({ db: relayDb, transport, logger });
  const consumers: Consumer[] = [];
  return {
    db,
    transport,
    relay,
    logger,
    consumer(name, options = {}) {
      const consumer = createConsumer({ db, transport, service, name, logger, ...options });
      consumers.push(consumer);
      return consumer;
    },
    attach(app) {
      addReadinessCheck(app, 'db', () => pingDb(db));
      addReadinessCheck(app, 'bus', () => transport.ready());
      registerEventMetrics(app.kit.metrics, { db, consumers });
      app.kit.metrics.gauge(
        'db_pool_connections',
        'Connections of this service in PostgreSQL by state',
        ['state'],
        async (set) => {
          const rows = await db<{ state: string; n: number }[]>`
          select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity
          where datname = current_database() and application_name = ${service} group by 1`;
          for (const row of rows) set({ state: row.state }, row.n);
        },
      );
      app.kit.metrics.gauge('db_pool_max', 'Pool size limit', [], (set) => set({}, config.DATABASE_POOL_MAX));
    },
    async start() {
      await relay.start();
      // Consumers subscribe in the background: a broker that is down must not block the HTTP API.
      for (const consumer of consumers) {
        void consumer
          .start()
          .catch((error: unknown) =>
            logger.error({ err: error, consumer: consumer.id }, 'consumer failed to start'),
          );
      }
    },
    async close() {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await relay.stop();
      await transport.close();
      await Promise.all([db.end({ timeout: 5 }), relayDb.end({ timeout: 5 })]);
    },
  };
}
