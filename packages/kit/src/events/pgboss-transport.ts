/**
 * PostgreSQL transport through pg-boss 10: one queue per consumer (`<service>.<consumer>`) subscribed to
 * the event types it handles; publishing fans the envelope out to every subscribed queue with job id =
 * event id, so a re-publish of a pending event is dropped by the queue's primary key.
 *
 * pg-boss copies an event only to queues that exist when it is published. So that a consumer that subscribes
 * for the first time gets what came before it (as a new JetStream durable consumer does, from the stream's
 * start), every published event is also kept in `<schema>.sauda_event_log` for `logRetentionDays`, and a new
 * queue is filled from that log. Publishing writes the log before reading the subscribers, and subscribing
 * writes the subscription before reading the log: whatever the interleaving, one of the two sees the other.
 */
import type { EventEnvelope } from '@sauda/contracts';
import PgBoss from 'pg-boss';
import { runPgBossSubscription } from './pgboss-subscription.ts';
import type { EventLogger, EventTransport, Subscription, SubscriptionSpec } from './transport.ts';

/** pg-boss transport settings. */
export interface PgBossTransportOptions {
  /** The bus database (in embedded mode one `bus` database shared by every service). */
  connectionString: string;
  logger: EventLogger;
  /** pg-boss's schema; tests use a random one each. */
  schema?: string;
  /** How often an idle consumer looks for new jobs (pg-boss has no push). */
  pollMs?: number;
  /** Jobs fetched per poll; a fetched batch is finished before `stop()` returns. */
  batchSize?: number;
  /** A job whose handler has not finished after this long is treated as crashed and retried. */
  expireInSeconds?: number;
  /** Pool size of pg-boss's own connection pool. */
  maxConnections?: number;
  /** How long published events are kept for consumers that subscribe later (default 7 days). */
  logRetentionDays?: number;
}

/** Builds the transport; pg-boss is started lazily and started again after a failed start. */
export function createPgBossTransport(options: PgBossTransportOptions): EventTransport {
  const schema = options.schema ?? 'pgboss';
  if (!/^[a-z_][a-z0-9_]{0,49}$/i.test(schema)) throw new Error(`invalid pg-boss schema name ${schema}`);
  const log = options.logger.child({ component: 'pgboss-transport', schema });
  const subscriptions = new Set<Subscription>();
  let boss: Promise<PgBoss> | undefined;
  let closed = false;

  async function startBoss(): Promise<PgBoss> {
    const instance = new PgBoss({
      connectionString: options.connectionString,
      schema,
      max: options.maxConnections ?? 4,
      application_name: 'sauda-events',
      schedule: false, // no cron jobs here; spares a polling loop
      // Expired jobs are found by the maintenance round: run it often enough that a crashed consumer's job
      // comes back about when it expires, not up to two minutes later.
      maintenanceIntervalSeconds: Math.min(120, Math.max(5, Math.ceil((options.expireInSeconds ?? 120) / 2))),
    });
    // Without a listener an 'error' event (e.g. the database restarting) would crash the process.
    instance.on('error', (error) => log.warn({ err: error }, 'pg-boss error'));
    await instance.start();
    await ensureEventLog(instance);
    return instance;
  }

  async function ensureEventLog(instance: PgBoss): Promise<void> {
    const db = instance.getDb();
    try {
      await db.executeSql(
        `create table if not exists ${schema}.sauda_event_log (
           id uuid primary key, type text not null, envelope jsonb not null,
           published_at timestamptz not null default now())`,
        [],
      );
      await db.executeSql(
        `create index if not exists sauda_event_log_type on ${schema}.sauda_event_log (type, published_at)`,
        [],
      );
    } catch (error) {
      // Two services creating it at the same moment: the loser's statement fails, the table is there.
      if (!['23505', '42P07'].includes(String((error as { code?: unknown }).code))) throw error;
    }
    await db.executeSql(
      `delete from ${schema}.sauda_event_log
       where published_at < now() - $1 * interval '1 day'`,
      [options.logRetentionDays ?? 7],
    );
  }

  /** The started instance; a failed start is forgotten so the next call tries again with a fresh one. */
  function started(): Promise<PgBoss> {
    if (closed) return Promise.reject(new Error('pg-boss transport is closed'));
    if (!boss) {
      const attempt = startBoss();
      boss = attempt;
      attempt.catch(() => {
        if (boss === attempt) boss = undefined;
      });
    }
    return boss;
  }

  /** Fills a queue made just now with the kept events of its types, oldest first, in batches. */
  async function backfill(instance: PgBoss, queue: string, types: readonly string[]): Promise<void> {
    let after: { at: string; id: string } | undefined;
    let total = 0;
    for (;;) {
      const { rows } = await instance.getDb().executeSql(
        `select id, envelope, published_at::text as at from ${schema}.sauda_event_log
         where type = any($1) and ($2::timestamptz is null or (published_at, id) > ($2::timestamptz, $3::uuid))
         order by published_at, id limit 500`,
        [types, after?.at ?? null, after?.id ?? null],
      );
      const batch = rows as Array<{ id: string; envelope: EventEnvelope; at: string }>;
      if (batch.length === 0) break;
      await instance.insert(batch.map((row) => ({ id: row.id, name: queue, data: row.envelope })));
      total += batch.length;
      const last = batch[batch.length - 1];
      if (!last) break;
      after = { at: last.at, id: last.id };
    }
    if (total > 0)
      log.info({ queue, events: total }, 'new consumer filled with the events published before it');
  }

  return {
    kind: 'pg-boss',

    async publish(envelope: EventEnvelope) {
      const instance = await started();
      await instance.getDb().executeSql(
        `insert into ${schema}.sauda_event_log (id, type, envelope) values ($1, $2, $3)
           on conflict (id) do nothing`,
        [envelope.id, envelope.type, JSON.stringify(envelope)],
      );
      // boss.publish() would do this fan-out but swallows failed sends (Promise.allSettled), and the relay
      // must not mark an event published that some queue never got; so the subscriber list is read here.
      const { rows } = await instance
        .getDb()
        .executeSql(`select name from ${schema}.subscription where event = $1`, [envelope.type]);
      const queues = (rows as Array<{ name: string }>).map((row) => row.name);
      await Promise.all(queues.map((queue) => instance.send(queue, envelope, { id: envelope.id })));
    },

    async subscribe(spec: SubscriptionSpec) {
      const instance = await started();
      const queue = spec.consumer;
      const settings = {
        name: queue,
        retryLimit: spec.maxDeliveries - 1, // pg-boss counts retries, not deliveries
        retryDelay: 0, // the consumer sets each retry's delay itself (see pgboss-subscription.ts)
        retryBackoff: false,
        expireInSeconds: options.expireInSeconds ?? 120,
      };
      const isNew = (await instance.getQueue(queue)) === null;
      await instance.createQueue(queue, settings); // a no-op when the queue exists
      await instance.updateQueue(queue, settings);
      for (const type of spec.eventTypes) await instance.subscribe(type, queue);
      if (isNew) await backfill(instance, queue, spec.eventTypes);
      const running = runPgBossSubscription({
        boss: instance,
        schema,
        queue,
        pollMs: options.pollMs ?? 500,
        batchSize: options.batchSize ?? 10,
        deliver: spec.deliver,
        logger: log.child({ queue }),
      });
      const subscription: Subscription = {
        async stop() {
          subscriptions.delete(subscription);
          await running.stop();
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },

    async lag(consumer) {
      const instance = await started();
      // Everything before 'completed': created, waiting for a retry, or active.
      return instance.getQueueSize(consumer, { before: 'completed' });
    },

    async ready() {
      try {
        const instance = await started();
        await instance.getDb().executeSql('select 1', []);
        return true;
      } catch {
        return false;
      }
    },

    async close() {
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      const instance = await boss?.catch(() => undefined);
      await instance?.stop({ graceful: false, close: true });
    },
  };
}
