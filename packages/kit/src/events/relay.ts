/**
 * The outbox relay: publishes committed outbox rows in id order and marks each one only after the
 * broker acknowledged it. Replicas share the work through claims (`FOR UPDATE SKIP LOCKED` and a lease).
 */
import type { Db } from '../db/db.ts';
import { OUTBOX_CHANNEL } from './migrations.ts';
import { envelopeOf, outboxBacklog, pruneOutbox, type OutboxRow } from './outbox.ts';
import { backoffDelay, errorMessage, Waker, withTimeout, type BackoffPolicy } from './timing.ts';
import { BrokerUnavailable, type EventLogger, type EventTransport } from './transport.ts';

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
  /** How long one publish may take (default `PUBLISH_TIMEOUT_MS`). */
  publishTimeoutMs?: number;
  /** How long claimed rows stay with this relay (default `CLAIM_LEASE_MS`). */
  leaseMs?: number;
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

/** How long one publish may take before the relay gives up on it (and its pass) and tries again later. */
export const PUBLISH_TIMEOUT_MS = 10_000;
/** How long claimed rows stay with the relay that claimed them; a relay that dies frees them this late. */
export const CLAIM_LEASE_MS = 30_000;

/** Pauses before the bookkeeping of a pass is tried again. */
const SETTLE_RETRIES_MS = [100, 300, 1000];

/** Limits of one pass. */
export interface PassOptions {
  publishTimeoutMs?: number;
  leaseMs?: number;
}

/**
 * Claims up to `batchSize` unpublished rows and publishes them in order. Stops at the first failure
 * so the rows behind it keep their order; a failed row records the attempt and the error.
 *
 * No transaction stays open while the broker answers: the rows are claimed with a lease in one statement
 * and marked in another. A transaction held across a slow publish would keep its connection, and when that
 * connection dies meanwhile (a database restart) postgres.js 3.4 runs the rest of the transaction's work
 * on a replacement connection or never settles it; a lease only runs out.
 */
export async function publishPending(
  db: Db,
  transport: EventTransport,
  batchSize: number,
  options: PassOptions = {},
): Promise<PublishResult> {
  const publishTimeoutMs = options.publishTimeoutMs ?? PUBLISH_TIMEOUT_MS;
  const leaseMs = options.leaseMs ?? CLAIM_LEASE_MS;
  const claimed = await db<OutboxRow[]>`
    update outbox set claimed_until = now() + ${leaseMs} * interval '1 millisecond'
    where id in (
      select id from outbox
      where published_at is null and (claimed_until is null or claimed_until < now())
      order by id
      limit ${batchSize}
      for update skip locked)
    returning id, type, source, payload, headers, occurred_at`;
  // UUIDv7 ids sort by time; `returning` keeps no order.
  const rows = claimed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const started = performance.now();
  const publish = (row: OutboxRow) =>
    withTimeout(
      transport.publish(envelopeOf(row)),
      publishTimeoutMs,
      () =>
        new BrokerUnavailable(`the ${transport.kind} broker did not answer within ${publishTimeoutMs} ms`),
    );
  const done: string[] = [];
  let error: unknown;
  let failed: OutboxRow | undefined;
  if (transport.pipelines) {
    // Sent together on one connection, they reach the broker in this order; acks come back together.
    const results = await Promise.allSettled(rows.map(publish));
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
      // Well inside the lease: rows not yet tried go back rather than risk a second relay taking them too.
      if (performance.now() - started > leaseMs / 2) break;
      try {
        await publish(row);
        done.push(row.id);
      } catch (caught) {
        error = caught;
        failed = row;
        break;
      }
    }
  }
  const untried = rows.slice(done.length + (failed ? 1 : 0)).map((row) => row.id);
  // Pipelined, and tried again for a moment if the connection just died: rows left claimed wait out the
  // lease (then they are published again; brokers dedupe by event id, inboxes do the rest).
  await settle(() =>
    Promise.all([
      done.length > 0
        ? db`update outbox set published_at = now(), attempts = attempts + 1, claimed_until = null
             where id in ${db(done)} and published_at is null`.execute()
        : undefined,
      failed
        ? db`update outbox set attempts = attempts + 1, last_error = ${errorMessage(error)}, claimed_until = null
             where id = ${failed.id} and claimed_until is not null`.execute()
        : undefined,
      untried.length > 0
        ? db`update outbox set claimed_until = null where id in ${db(untried)}`.execute()
        : undefined,
    ]),
  );
  return {
    published: done.length,
    more: (rows.length === batchSize || untried.length > 0) && error === undefined,
    error,
  };
}

/** Runs idempotent bookkeeping, trying again shortly when the database refuses (a connection just died). */
async function settle(work: () => Promise<unknown>): Promise<void> {
  for (const pauseMs of SETTLE_RETRIES_MS) {
    try {
      await work();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
  await work();
}

/** Builds a relay; call `start()` once the service is ready and `stop()` on shutdown. */
export function createRelay(options: RelayOptions): Relay {
  const { db, transport, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const pollMs = options.pollMs ?? 1000;
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 15_000 };
  const keepPublishedMs = options.keepPublishedMs ?? 7 * 24 * 60 * 60 * 1000;
  const pass: PassOptions = {
    ...(options.publishTimeoutMs ? { publishTimeoutMs: options.publishTimeoutMs } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
  };
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
        result = await publishPending(db, transport, batchSize, pass);
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
