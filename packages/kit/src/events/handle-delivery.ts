/**
 * One delivery, start to finish: validate, dedupe through the inbox, run the handler in the same
 * transaction, and decide between ack, retry and dead letter.
 */
import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { EventDefinition, EventEnvelope, TypedEnvelope } from '@sauda/contracts';
import { sameTransaction, withTransaction, type Db, type Tx } from '../db/db.ts';
import { writeDeadLetter } from './dead-letters.ts';
import { backoffDelay, errorMessage, type BackoffPolicy } from './timing.ts';
import type { Delivery, DeliveryOutcome, EventLogger } from './transport.ts';
import { readEnvelope, schemaProblem } from './validate.ts';

/** Handles one event inside the consumer's transaction; throwing rolls back and retries. */
export type EventHandler<E extends EventDefinition = EventDefinition> = (
  event: TypedEnvelope<E>,
  tx: Tx,
) => Promise<void>;

/** A handler with the definition it was registered for. */
export interface Registration {
  def: EventDefinition;
  handler: EventHandler;
}

/** What a delivery needs to know about its consumer. */
export interface DeliveryContext {
  db: Db;
  consumer: string;
  handlers: ReadonlyMap<string, Registration>;
  logger: EventLogger;
  maxAttempts: number;
  retry: BackoffPolicy;
  /** Set: a batch's events with different keys are handled at once (`ConsumerOptions.batchKey`). */
  batchKey?: (envelope: EventEnvelope) => string;
}

const tracer = trace.getTracer('@sauda/kit/events');

/** Processes one delivery and tells the transport what to do with the message. */
export async function handleDelivery(
  ctx: DeliveryContext,
  message: unknown,
  attempt: number,
): Promise<DeliveryOutcome> {
  const read = readEnvelope(message);
  if ('problem' in read) return deadLetter(ctx, message, attempt, new Error(read.problem));
  const { envelope } = read;
  const log = ctx.logger.child({ eventId: envelope.id, eventType: envelope.type, attempt });
  const registration = ctx.handlers.get(envelope.type);
  if (!registration) {
    // Only a stale subscription (a handler removed in a newer version) delivers these; nothing to do.
    log.warn('no handler for this event type; acknowledged without handling');
    return 'ack';
  }
  const problem = schemaProblem(registration.def.schema, envelope.data);
  if (problem !== null) {
    // Bad data stays bad: retrying cannot help, so it goes straight to the dead letters.
    return deadLetter(ctx, message, attempt, new Error(`invalid ${envelope.type} data: ${problem}`));
  }
  try {
    const handled = await runOnce(ctx, registration, envelope);
    if (!handled) log.debug('already handled; acknowledged without running the handler again');
    return 'ack';
  } catch (error) {
    if (attempt >= ctx.maxAttempts) return deadLetter(ctx, message, attempt, error);
    const retryAfterMs = backoffDelay(attempt, ctx.retry);
    log.warn(
      { err: error, retryAfterMs },
      'event handler failed (attempt %d of %d)',
      attempt,
      ctx.maxAttempts,
    );
    return { retryAfterMs };
  }
}

/**
 * Several waiting deliveries of one consumer: the valid ones run in one transaction (one inbox statement,
 * then each new event's handler in order), which under load saves a transaction per event. If a handler
 * fails, nothing of the batch is kept: the events before it run again together, the failing one on its
 * own (as `handleDelivery` does: retry or dead letter), the rest as a new batch. Any other failure (the
 * inbox, the commit) sends every delivery down the one-by-one path.
 */
export async function handleDeliveries(
  ctx: DeliveryContext,
  deliveries: readonly Delivery[],
): Promise<DeliveryOutcome[]> {
  const batch: BatchItem[] = [];
  deliveries.forEach(({ message }, index) => {
    const read = readEnvelope(message);
    if ('problem' in read) return;
    const registration = ctx.handlers.get(read.envelope.type);
    if (!registration || schemaProblem(registration.def.schema, read.envelope.data) !== null) return;
    batch.push({ index, registration, envelope: read.envelope });
  });
  const outcomes: (DeliveryOutcome | undefined)[] = deliveries.map(() => undefined);
  if (batch.length > 1) {
    try {
      await runBatch(ctx, batch);
      for (const { index } of batch) outcomes[index] = 'ack';
    } catch (error) {
      ctx.logger.debug({ err: error, size: batch.length }, 'event batch rolled back');
      if (error instanceof HandlerFailed) {
        const at = error.index;
        return [
          ...(await handleDeliveries(ctx, deliveries.slice(0, at))),
          ...(await handleDeliveries(ctx, deliveries.slice(at, at + 1))),
          ...(await handleDeliveries(ctx, deliveries.slice(at + 1))),
        ];
      }
    }
  }
  // The rest (invalid, unknown, a lone event, or a batch that failed outside its handlers) one by one.
  for (const [index, { message, attempt }] of deliveries.entries())
    outcomes[index] ??= await handleDelivery(ctx, message, attempt);
  return outcomes as DeliveryOutcome[];
}

interface BatchItem {
  /** Position in the deliveries. */
  index: number;
  registration: Registration;
  envelope: EventEnvelope;
}

/** A handler of a batch threw: which delivery it was. */
class HandlerFailed extends Error {
  constructor(
    readonly index: number,
    options: ErrorOptions,
  ) {
    super('an event handler of the batch failed', options);
  }
}

/** A batch waits this long for a lock before it gives up and splits (two batches may wait on each other). */
const BATCH_LOCK_TIMEOUT = '200ms';

async function runBatch(ctx: DeliveryContext, batch: readonly BatchItem[]): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const ids = batch.map((one) => one.envelope.id);
    const types = batch.map((one) => one.envelope.type);
    // Pipelined: one round trip for both.
    const [, fresh] = await Promise.all([
      tx.unsafe(`set local lock_timeout = '${BATCH_LOCK_TIMEOUT}'`).execute(),
      tx<{ event_id: string }[]>`
        insert into inbox (consumer, event_id, type)
        select ${ctx.consumer}, id::uuid, type from unnest(${ids}::text[], ${types}::text[]) as e(id, type)
        on conflict do nothing
        returning event_id`.execute(),
    ]);
    const todo = new Set(fresh.map((row) => row.event_id.toLowerCase()));
    // The same event twice in one batch (a redelivery that caught up) runs once.
    const due = batch.filter(({ envelope }) => todo.delete(envelope.id.toLowerCase()));
    if (ctx.batchKey) return runByKey(ctx, tx, due, ctx.batchKey);
    for (const { index, registration, envelope } of due) {
      try {
        await traced(ctx, envelope, () => registration.handler(envelope, tx));
      } catch (error) {
        throw new HandlerFailed(index, { cause: error });
      }
    }
  });
}

/**
 * One chain of handlers per key, the chains at once: their statements go out together. Every chain is let
 * finish before the transaction ends (a failed statement fails the others' too, so which handler failed
 * first cannot be told): any failure rolls the batch back for the one-by-one path.
 */
async function runByKey(
  ctx: DeliveryContext,
  tx: Tx,
  due: readonly BatchItem[],
  keyOf: (envelope: EventEnvelope) => string,
): Promise<void> {
  const chains = new Map<string, BatchItem[]>();
  for (const item of due) {
    const key = keyOf(item.envelope);
    const chain = chains.get(key);
    if (chain) chain.push(item);
    else chains.set(key, [item]);
  }
  const shared = withoutSavepoints(tx);
  const settled = await Promise.allSettled(
    [...chains.values()].map(async (chain) => {
      for (const { registration, envelope } of chain)
        await traced(ctx, envelope, () => registration.handler(envelope, shared));
    }),
  );
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw new Error('a handler of the batch failed', { cause: failed.reason });
}

/**
 * The batch's transaction as its keys' handlers share it: a savepoint would be the whole transaction's and
 * wrap other keys' statements, so opening one fails the batch, and the one-by-one path (where a handler has
 * the transaction to itself) runs the event instead.
 */
function withoutSavepoints(tx: Tx): Tx {
  const view = new Proxy(tx, {
    get(target, property, receiver) {
      if (property === 'savepoint')
        return () => Promise.reject(new Error('a savepoint cannot be opened in a batch shared by keys'));
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return sameTransaction(tx, view);
}

/** Runs `fn` in a consumer span that continues the event's trace. */
async function traced<T>(ctx: DeliveryContext, envelope: EventEnvelope, fn: () => Promise<T>): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, envelope.headers);
  const attributes = {
    'messaging.operation.type': 'process',
    'messaging.destination.name': envelope.type,
    'messaging.message.id': envelope.id,
    'messaging.consumer.group.name': ctx.consumer,
  };
  return tracer.startActiveSpan(
    `process ${envelope.type}`,
    { kind: SpanKind.CONSUMER, attributes },
    parent,
    async (span) => {
      try {
        return await fn();
      } catch (error) {
        span.recordException(error instanceof Error ? error : new Error(String(error)));
        span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Inbox row and handler in one transaction; false when the inbox says this consumer already handled it. */
async function runOnce(
  ctx: DeliveryContext,
  registration: Registration,
  envelope: EventEnvelope,
): Promise<boolean> {
  return traced(ctx, envelope, () =>
    withTransaction(ctx.db, async (tx) => {
      const inserted = await tx`
        insert into inbox (consumer, event_id, type) values (${ctx.consumer}, ${envelope.id}, ${envelope.type})
        on conflict do nothing`;
      if (inserted.count === 0) return false;
      await registration.handler(envelope, tx);
      return true;
    }),
  );
}

/** Stores the message as a dead letter and acks it; if even that fails, asks for a retry (nothing is lost). */
async function deadLetter(
  ctx: DeliveryContext,
  message: unknown,
  attempt: number,
  error: unknown,
): Promise<DeliveryOutcome> {
  const cause = error instanceof Error ? error : new Error(String(error));
  try {
    await writeDeadLetter(ctx.db, {
      consumer: ctx.consumer,
      message,
      error: { message: cause.message, stack: cause.stack },
      attempts: attempt,
    });
    ctx.logger.error({ err: cause, attempt, consumer: ctx.consumer }, 'event dead-lettered');
    return 'ack';
  } catch (writeError) {
    const retryAfterMs = backoffDelay(attempt, ctx.retry);
    ctx.logger.error(
      { err: writeError, retryAfterMs },
      'cannot store a dead letter; the delivery will be retried',
    );
    return { retryAfterMs };
  }
}
