/** The one small interface both event transports (NATS JetStream, pg-boss) implement. */
import type { EventEnvelope } from '@sauda/contracts';
import type { BaseLogger } from 'pino';

/** What a subscriber tells the broker about one delivery: done, or try again later. */
export type DeliveryOutcome = 'ack' | { retryAfterMs: number };

/**
 * Handles one delivery. `message` is the decoded body (normally an envelope, but the consumer
 * validates it: a broker carries whatever was put on it); `attempt` counts from 1 and grows with
 * every redelivery, whatever caused it (a retry, a crash, an ack that never arrived).
 */
export type DeliverFn = (message: unknown, attempt: number) => Promise<DeliveryOutcome>;

/** One delivery of a batch: the decoded body and its attempt (see `DeliverFn`). */
export interface Delivery {
  message: unknown;
  attempt: number;
}

/**
 * Handles the deliveries that were waiting together, in order, and answers one outcome per delivery (same
 * order). A transport that buffers messages uses it to handle a backlog in fewer transactions.
 */
export type DeliverBatchFn = (deliveries: readonly Delivery[]) => Promise<DeliveryOutcome[]>;

/** A durable subscription request: one consumer (`<service>.<name>`) and the event types it handles. */
export interface SubscriptionSpec {
  /** `<service>.<consumer>`, e.g. `stock.product-projection`; durable across restarts and replicas. */
  consumer: string;
  eventTypes: readonly string[];
  /** The broker's own delivery limit: a backstop above the consumer's `maxAttempts`, never below. */
  maxDeliveries: number;
  deliver: DeliverFn;
  /** Optional: several waiting deliveries at once (the NATS transport uses it; pg-boss delivers one by one). */
  deliverBatch?: DeliverBatchFn;
  /** Deliveries (or batches) handled at the same time, on the NATS transport; 1 (the default) keeps the order. */
  parallel?: number;
}

/** A running subscription; `stop()` lets the delivery in progress finish, then returns. */
export interface Subscription {
  stop(): Promise<void>;
}

/** A message broker as the outbox relay and the consumers see it. */
export interface EventTransport {
  /** Which broker this is, for logs and metrics labels. */
  readonly kind: 'nats' | 'pg-boss';
  /** Publishes issued together reach the broker in the order issued (one connection), so they may overlap. */
  readonly pipelines?: boolean;
  /** Resolves only once the broker has durably accepted the envelope; rejects otherwise. */
  publish(envelope: EventEnvelope): Promise<void>;
  /** Creates (or reuses) the durable subscription and starts delivering to `spec.deliver`. */
  subscribe(spec: SubscriptionSpec): Promise<Subscription>;
  /** Messages the consumer has not acknowledged yet (waiting, in flight, or waiting for a retry). */
  lag(consumer: string, eventTypes: readonly string[]): Promise<number>;
  /** True when the broker answers now; for readiness checks. */
  ready(): Promise<boolean>;
  /** Stops every subscription and closes the connection. */
  close(): Promise<void>;
}

/** The broker could not be reached in time; the caller keeps its data and tries again later. */
export class BrokerUnavailable extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BrokerUnavailable';
  }
}

/** The logging the event layer needs: a pino logger or Fastify's `app.log` both fit. */
export interface EventLogger extends Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'> {
  child(bindings: Record<string, unknown>): EventLogger;
}
