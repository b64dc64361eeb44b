/**
 * The outbox relay: publishes committed outbox rows in id order and marks each one only after the
 * broker acknowledged it. Replicas share the work through `FOR UPDATE SKIP LOCKED`.
 */
import type { Db } from '../db/db.ts';
import { OUTBOX_CHANNEL } from './migrations.ts';
import { envelopeOf, outboxBacklog, pruneOutbox, type OutboxRow } from './outbox.ts';
import { backoffDelay, errorMessage, Waker, type BackoffPolicy } from './timing.ts';
import type { EventLogger, EventTransport } from './transport.ts';

/** Relay settings; only `db`, `transport` and `logger` are required. */
export interface RelayOptions {
  db: Db;
  transport: EventTransport;
  logger: EventLogger;
  /** Rows claimed per transaction. */
  batchSize?: number;
  /** Poll interval: the fallback when a NOTIFY is missed (e.g. while the LISTEN connection reconnects). */
  pollMs?: number;
  /** Wait between tries while the broker or the database is failing. */
  backoff?: BackoffPolicy;
  /** Published rows are deleted after this long (checked hourly); 0 keeps them forever. */
  keepPublishedMs?: number;
}

/** A running relay. */
export interface Relay {
  /** Starts listening and publishing; resolves at once (a missing broker is retried, not fatal). */
  start(): Promise<void>;
  /** Finishes the batch in progress, then stops. */
  stop(): Promise<void>;
  /** Unpublished rows right now. */
  backlog(): Promise<number>;
}

/** What one claim-and-publish pass did. */
export interface PublishResult {
  published: number;
  /** More rows are probably waiting (the batch was full). */
  more: boolean;
  /** The publish failure that ended the pass early; the row stays unpublished. */
  error?: unknown;
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Claims up to `batchSize` unpublished rows and publishes them in order. Stops at the first failure
 * so the rows behind it keep their order; a failed row records the attempt and the error.
 */
export async function publishPending(
  db: Db,
  transport: EventTransport,
  batchSize: number,
): Promise<PublishResult> {
  return db.begin(async (tx) => {
    const rows = await tx<OutboxRow[]>`
      select id, type, source, payload, headers, occurred_at from outbox
      where published_at is null
      order by id
      limit ${batchSize}
      for update skip locked`;
    const done: string[] = [];
    let error: unknown;
    let failed: OutboxRow | undefined;
    if (transport.pipelines) {
      // Sent together on one connection, they reach the broker in this order; acks come back together.
      const results = await Promise.allSettled(rows.map((row) => transport.publish(envelopeOf(row))));
      const firstFailure = results.findIndex((result) => result.status === 'rejected');
      const settled = firstFailure === -1 ? results.length : firstFailure;
      // Rows after a failed one stay unpublished too (published again later, deduped by event id).
      done.push(...rows.slice(0, settled).map((row) => row.id));
      if (firstFailure !== -1) {
        failed = rows[firstFailure];
        error = (results[firstFailure] as PromiseRejectedResult).reason;
      }
    } else {
      for (const row of rows) {
        try {
          await transport.publish(envelopeOf(row));
          done.push(row.id);
        } catch (caught) {
          error = caught;
          failed = row;
          break;
        }
      }
    }
    if (failed)
      await tx`update outbox set attempts = attempts + 1, last_error = ${errorMessage(error)} where id = ${failed.id}`;
    // If this commit is lost the rows are published again: brokers dedupe by event id, inboxes do the rest.
    if (done.length > 0) {
      await tx`update outbox set published_at = now(), attempts = attempts + 1 where id in ${tx(done)}`;
    }
    return { published: done.length, more: rows.length === batchSize && error === undefined, error };
  });
}

/** Builds a relay; call `start()` once the service is ready and `stop()` on shutdown. */
export function createRelay(options: RelayOptions): Relay {
  const { db, transport, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const pollMs = options.pollMs ?? 1000;
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 15_000 };
  const keepPublishedMs = options.keepPublishedMs ?? 7 * 24 * 60 * 60 * 1000;
  const log = logger.child({ component: 'outbox-relay', transport: transport.kind });
  const waker = new Waker();
  let running = false;
  let loop: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let listenState: 'off' | 'pending' | 'on' = 'off';
  let listenTask: Promise<void> | undefined;
  let backingOff = false;
  let lastPrune = 0;

  /** (Re)subscribes to commit notifications in the background; failures leave the poll in charge. */
  function listen(): void {
    if (listenState !== 'off') return;
    listenState = 'pending';
    listenTask = subscribe();
  }

  async function subscribe(): Promise<void> {
    try {
      await unlisten?.();
      const subscription = await db.listen(
        OUTBOX_CHANNEL,
        () => {
          // While backing off, a commit must not make the relay hammer a broker that is down.
          if (!backingOff) waker.wake();
        },
        () => waker.wake(),
      );
      unlisten = () => subscription.unlisten();
      listenState = 'on';
    } catch (error) {
      listenState = 'off';
      log.warn({ err: error }, 'cannot LISTEN for outbox commits; polling every %d ms until it can', pollMs);
    }
  }

  async function prune(): Promise<void> {
    if (keepPublishedMs <= 0 || Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    const deleted = await pruneOutbox(db, keepPublishedMs);
    if (deleted > 0) log.info({ deleted }, 'pruned published outbox rows');
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (running) {
      let result: PublishResult;
      try {
        result = await publishPending(db, transport, batchSize);
      } catch (error) {
        // The database itself failed; postgres.js may have dropped our LISTEN with it, so listen again later.
        if (listenState === 'on') listenState = 'off';
        result = { published: 0, more: false, error };
      }
      if (result.published > 0) log.debug({ published: result.published }, 'published outbox events');
      if (result.error !== undefined) {
        failures += 1;
        const delay = backoffDelay(failures, backoff);
        log.warn(
          { err: result.error, failures, retryInMs: delay },
          'outbox relay cannot publish; rows are kept',
        );
        backingOff = true;
        await waker.sleep(delay);
        backingOff = false;
        continue;
      }
      if (failures > 0) log.info({ failures }, 'outbox relay publishes again');
      failures = 0;
      listen();
      await prune().catch((error: unknown) => log.warn({ err: error }, 'outbox prune failed'));
      if (!result.more) await waker.sleep(pollMs);
    }
  }

  return {
    start() {
      if (!running) {
        running = true;
        listen();
        loop = run();
      }
      return Promise.resolve();
    },
    async stop() {
      if (!running) return;
      running = false;
      waker.wake();
      await loop;
      await listenTask;
      await unlisten?.().catch(() => undefined); // the pool may already be closing; nothing to release then
      unlisten = undefined;
      listenState = 'off';
    },
    backlog: () => outboxBacklog(db),
  };
}
