/** Events: transactional outbox, relay, idempotent consumers, and the NATS / pg-boss transports. */
export { appendEvent, outboxBacklog, pruneOutbox, type AppendOptions } from './outbox.ts';
export { createRelay, publishPending, type Relay, type RelayOptions, type PublishResult } from './relay.ts';
export { createConsumer, keyByField, type Consumer, type ConsumerOptions } from './consumer.ts';
export type { EventHandler } from './handle-delivery.ts';
export { listDeadLetters, type DeadLetterRow } from './dead-letters.ts';
export { eventMigrations, OUTBOX_CHANNEL } from './migrations.ts';
export { InvalidEventData } from './validate.ts';
export { createNatsTransport, type NatsTransportOptions } from './nats-transport.ts';
export { createPgBossTransport, type PgBossTransportOptions } from './pgboss-transport.ts';
export { registerEventMetrics, type GaugeRegistrar } from './metrics.ts';
export type { BackoffPolicy } from './timing.ts';
export {
  BrokerUnavailable,
  type EventLogger,
  type DeliverFn,
  type DeliverBatchFn,
  type Delivery,
  type DeliveryOutcome,
  type EventTransport,
  type Subscription,
  type SubscriptionSpec,
} from './transport.ts';
