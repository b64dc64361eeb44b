/**
 * One delivery, start to finish: validate, dedupe through the inbox, run the handler in the same
 * transaction, and decide between ack, retry and dead letter.
 */
import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { EventDefinition, EventEnvelope, TypedEnvelope } from '@sauda/contracts';
import { withTransaction, type Db, type Tx } from '../db/db.ts';
import { writeDeadLetter } from './dead-letters.ts';
import { backoffDelay, errorMessage, type BackoffPolicy } from './timing.ts';
import type { EventLogger, DeliveryOutcome } from './transport.ts';
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

/** Inbox row and handler in one transaction; false when the inbox says this consumer already handled it. */
async function runOnce(
  ctx: DeliveryContext,
  registration: Registration,
  envelope: EventEnvelope,
): Promise<boolean> {
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
        return await withTransaction(ctx.db, async (tx) => {
          const inserted = await tx`
          insert into inbox (consumer, event_id, type) values (${ctx.consumer}, ${envelope.id}, ${envelope.type})
          on conflict do nothing`;
          if (inserted.count === 0) return false;
          await registration.handler(envelope, tx);
          return true;
        });
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
