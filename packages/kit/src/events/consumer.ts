/** An idempotent event consumer: inbox-deduped handlers, bounded retries, dead letters. */
import type { EventDefinition, EventEnvelope } from '@sauda/contracts';
import type { Db } from '../db/db.ts';
import {
  handleDeliveries,
  handleDelivery,
  type DeliveryContext,
  type EventHandler,
  type Registration,
} from './handle-delivery.ts';
import { backoffDelay, Waker, type BackoffPolicy } from './timing.ts';
import type { EventLogger, EventTransport, Subscription } from './transport.ts';

/** Consumer settings. */
export interface ConsumerOptions {
  /** The consuming service's database: inbox, dead letters and the handlers' work live here. */
  db: Db;
  transport: EventTransport;
  /** The consuming service, e.g. `stock`. */
  service: string;
  /** The consumer within the service, e.g. `product-projection`; replicas with the same name share the work. */
  name: string;
  logger: EventLogger;
  /** Deliveries of a failing event before it is dead-lettered. */
  maxAttempts?: number;
  /** Wait before each retry of a failed handler. */
  retry?: BackoffPolicy;
  /**
   * Handle deliveries that wait together in one transaction (NATS; pg-boss delivers one by one). Only for
   * handlers that lock rows of their own event (an order, a product), not rows many events share in no
   * fixed order, such as stock levels: two such batches would wait on each other.
   */
  batch?: boolean;
  /**
   * With `batch`: the handlers of a batch's events with different keys run at the same time on its
   * transaction, so their statements share round trips (pipelined); events with the same key run in their
   * order. Only for handlers whose keys' rows are their own, or shared rows that they change in one
   * statement each (a batch still waits at most 200 ms for a lock). A handler that opens a savepoint (it
   * would wrap other keys' statements) fails the batch, and, like any failure, sends it down the one-by-one
   * path, where the savepoint works.
   */
  batchKey?: (envelope: EventEnvelope) => string;
  /**
   * Deliveries handled at the same time (NATS), each in its own transaction. For events whose order
   * does not matter to the handler, such as one order's placement against another's.
   */
  parallel?: number;
}

/** A `batchKey` reading one string field of the event's data (the event's own id when it has none). */
export function keyByField(field: string): (envelope: EventEnvelope) => string {
  return (envelope) => {
    const data = envelope.data;
    const value =
      typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[field] : undefined;
    return typeof value === 'string' ? value : envelope.id;
  };
}

/** A consumer: register handlers with `on`, then `start`. */
export interface Consumer {
  /** `<service>.<name>`: the inbox and dead-letter key and the broker's durable name. */
  readonly id: string;
  /** Registers the handler of one event type (before `start`). */
  on<E extends EventDefinition>(def: E, handler: EventHandler<E>): Consumer;
  /** Subscribes; while the broker is unreachable it keeps trying and resolves once subscribed (or stopped). */
  start(): Promise<void>;
  /** Lets the deliveries in progress finish, then stops receiving. */
  stop(): Promise<void>;
  /** Events delivered to this consumer and not yet acknowledged: the `event_consumer_lag` gauge. */
  lag(): Promise<number>;
}

// The broker's own limit is only a backstop for crash loops: the consumer dead-letters at maxAttempts. The
// headroom keeps an event alive while the consumer's database is down and even its dead letter cannot be written.
const BROKER_DELIVERY_HEADROOM = 100;

/** Builds a consumer; see `Consumer`. */
export function createConsumer(options: ConsumerOptions): Consumer {
  const id = `${options.service}.${options.name}`;
  const handlers = new Map<string, Registration>();
  const log = options.logger.child({
    component: 'event-consumer',
    consumer: id,
    transport: options.transport.kind,
  });
  const ctx: DeliveryContext = {
    db: options.db,
    consumer: id,
    handlers,
    logger: log,
    maxAttempts: options.maxAttempts ?? 5,
    retry: options.retry ?? { initialMs: 1000, maxMs: 60_000 },
    ...(options.batchKey ? { batchKey: options.batchKey } : {}),
  };
  const waker = new Waker();
  let state: 'new' | 'starting' | 'running' | 'stopped' = 'new';
  let subscription: Subscription | undefined;
  let starting: Promise<void> | undefined;

  async function subscribe(): Promise<void> {
    for (let failures = 1; state === 'starting'; failures += 1) {
      try {
        subscription = await options.transport.subscribe({
          consumer: id,
          eventTypes: [...handlers.keys()],
          maxDeliveries: ctx.maxAttempts + BROKER_DELIVERY_HEADROOM,
          deliver: (message, attempt) => handleDelivery(ctx, message, attempt),
          ...(options.batch ? { deliverBatch: (deliveries) => handleDeliveries(ctx, deliveries) } : {}),
          ...(options.parallel ? { parallel: options.parallel } : {}),
        });
        // stop() may have been called while subscribing; then this subscription must not outlive it.
        if (state !== 'starting') await subscription.stop();
        else state = 'running';
        return;
      } catch (error) {
        const delay = backoffDelay(failures, { initialMs: 500, maxMs: 15_000 });
        log.warn({ err: error, retryInMs: delay }, 'cannot subscribe yet; retrying');
        await waker.sleep(delay);
      }
    }
  }

  const consumer: Consumer = {
    id,
    on(def, handler) {
      if (state !== 'new') throw new Error(`consumer ${id}: register handlers before start()`);
      if (handlers.has(def.type)) throw new Error(`consumer ${id}: ${def.type} already has a handler`);
      // Erasing E is safe: handleDelivery only calls this handler after checking the data against def.schema.
      handlers.set(def.type, { def, handler: handler as unknown as EventHandler });
      return consumer;
    },
    async start() {
      if (state !== 'new') return starting;
      if (handlers.size === 0) throw new Error(`consumer ${id}: no handlers registered`);
      state = 'starting';
      starting = subscribe();
      return starting;
    },
    async stop() {
      if (state === 'new' || state === 'stopped') {
        state = 'stopped';
        return;
      }
      state = 'stopped';
      waker.wake();
      await starting;
      await subscription?.stop();
    },
    lag: () => options.transport.lag(id, [...handlers.keys()]),
  };
  return consumer;
}
