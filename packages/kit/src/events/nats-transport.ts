/**
 * NATS JetStream transport: one stream for `<prefix>.>`, subject `<prefix>.<event type>`, message id =
 * event id (so the stream drops re-publishes inside its duplicate window), durable pull consumers.
 */
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, JetStreamApiError } from '@nats-io/jetstream';
import type { JetStreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders, nanos, type NatsConnection } from '@nats-io/nats-core';
import type { EventEnvelope } from '@sauda/contracts';
import { runNatsSubscription } from './nats-subscription.ts';
import { openNatsLink } from './nats-connection.ts';
import { withTimeout } from './timing.ts';
import {
  BrokerUnavailable,
  type EventLogger,
  type EventTransport,
  type Subscription,
  type SubscriptionSpec,
} from './transport.ts';

/** NATS transport settings. */
export interface NatsTransportOptions {
  servers: string | string[];
  logger: EventLogger;
  /** The stream holding every event; tests use a random one each. */
  stream?: string;
  /** Subject prefix: an event travels on `<prefix>.<type>`. */
  subjectPrefix?: string;
  /** Wait for the broker's ack (or for a connection) before a publish fails. */
  publishTimeoutMs?: number;
  /** Redelivery after this long without an ack; a running handler extends it (`working()`). */
  ackWaitMs?: number;
  /** How long the stream keeps events (a consumer offline for longer misses them). */
  maxAgeMs?: number;
  reconnectTimeWaitMs?: number;
  /** Client name shown by the server (e.g. the service name). */
  name?: string;
}

const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;

/** A durable name per (consumer, event type): nats-server 2.9 allows one filter subject per consumer. */
export function natsDurableName(consumer: string, eventType: string): string {
  return `${consumer}__${eventType}`.replace(/[.*>\s/\\]/g, '_');
}

/** Builds the transport; it connects in the background and keeps reconnecting. */
export function createNatsTransport(options: NatsTransportOptions): EventTransport {
  const stream = options.stream ?? 'SAUDA';
  const prefix = options.subjectPrefix ?? 'sauda';
  const publishTimeoutMs = options.publishTimeoutMs ?? 5000;
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const log = options.logger.child({ component: 'nats-transport', stream });
  const link = openNatsLink({
    servers: options.servers,
    name: options.name ?? 'sauda',
    logger: log,
    reconnectTimeWaitMs: options.reconnectTimeWaitMs ?? 1000,
  });
  const subscriptions = new Set<Subscription>();
  // The stream is created or updated once per connection object, before its first use.
  let streamReady: { nc: NatsConnection; done: Promise<JetStreamManager> } | undefined;

  const subjectOf = (type: string): string => `${prefix}.${type}`;

  async function manager(): Promise<{ nc: NatsConnection; jsm: JetStreamManager }> {
    const nc = await link.get(publishTimeoutMs);
    if (streamReady?.nc !== nc) {
      const done = ensureStream(nc);
      streamReady = { nc, done };
      done.catch(() => {
        if (streamReady?.done === done) streamReady = undefined;
      });
    }
    const jsm = await withTimeout(
      streamReady.done,
      publishTimeoutMs,
      () => new BrokerUnavailable('JetStream timeout'),
    );
    return { nc, jsm };
  }

  async function ensureStream(nc: NatsConnection): Promise<JetStreamManager> {
    const jsm = await jetstreamManager(nc, { timeout: publishTimeoutMs });
    const config = {
      subjects: [`${prefix}.>`],
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      max_age: nanos(options.maxAgeMs ?? 7 * 24 * 60 * 60 * 1000),
    };
    try {
      await jsm.streams.update(stream, config); // merges into the existing config; 404 when there is none
    } catch (error) {
      if (!(error instanceof JetStreamApiError) || error.status !== 404) throw error;
      await jsm.streams.add({ name: stream, ...config });
      log.info({ subjects: config.subjects }, 'created JetStream stream');
    }
    return jsm;
  }

  return {
    kind: 'nats',
    pipelines: true,

    async publish(envelope: EventEnvelope) {
      const { nc } = await manager();
      const headers = natsHeaders();
      for (const [key, value] of Object.entries(envelope.headers)) headers.set(key, value);
      const ack = await jetstream(nc)
        .publish(subjectOf(envelope.type), JSON.stringify(envelope), {
          msgID: envelope.id,
          headers,
          timeout: publishTimeoutMs,
        })
        .catch((error: unknown) => {
          // Check the stream again before the next try, in case it is what went missing.
          streamReady = undefined;
          throw error;
        });
      if (ack.stream !== stream)
        throw new Error(`subject ${subjectOf(envelope.type)} is bound to stream ${ack.stream}`);
    },

    async subscribe(spec: SubscriptionSpec) {
      const { nc, jsm } = await manager();
      const durables: string[] = [];
      for (const type of spec.eventTypes) {
        const durable = natsDurableName(spec.consumer, type);
        durables.push(durable);
        const limits = { max_deliver: spec.maxDeliveries, ack_wait: nanos(ackWaitMs) };
        try {
          await jsm.consumers.info(stream, durable);
          await jsm.consumers.update(stream, durable, limits);
        } catch (error) {
          if (!(error instanceof JetStreamApiError) || error.status !== 404) throw error;
          await jsm.consumers.add(stream, {
            durable_name: durable,
            filter_subject: subjectOf(type),
            ack_policy: AckPolicy.Explicit,
            // A consumer deployed after events were published still sees what the stream keeps.
            deliver_policy: DeliverPolicy.All,
            ...limits,
          });
        }
      }
      const js = jetstream(nc);
      const running = durables.map((durable) =>
        runNatsSubscription({
          js,
          stream,
          durable,
          ackWaitMs,
          deliver: spec.deliver,
          ...(spec.deliverBatch ? { deliverBatch: spec.deliverBatch } : {}),
          ...(spec.parallel ? { parallel: spec.parallel } : {}),
          logger: log.child({ durable }),
        }),
      );
      const subscription: Subscription = {
        async stop() {
          subscriptions.delete(subscription);
          await Promise.all(running.map((one) => one.stop()));
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },

    async lag(consumer, eventTypes) {
      const { jsm } = await manager();
      let pending = 0;
      for (const type of eventTypes) {
        try {
          const info = await jsm.consumers.info(stream, natsDurableName(consumer, type));
          pending += info.num_pending + info.num_ack_pending;
        } catch (error) {
          // No durable consumer yet: nothing is waiting for it.
          if (!(error instanceof JetStreamApiError) || error.status !== 404) throw error;
        }
      }
      return pending;
    },

    async ready() {
      const nc = link.current();
      if (!nc || nc.isClosed()) return false;
      try {
        await withTimeout(nc.flush(), 2000, () => new BrokerUnavailable('NATS did not answer a ping'));
        return true;
      } catch {
        return false;
      }
    },

    async close() {
      await Promise.all([...subscriptions].map((subscription) => subscription.stop()));
      await link.close();
    },
  };
}
