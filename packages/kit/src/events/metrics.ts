/** The event gauges a service's /metrics exposes: outbox backlog and consumer lag, read at scrape time. */
import type { Db } from '../db/db.ts';
import type { ServiceMetrics } from '../observability/metrics.ts';
import type { Consumer } from './consumer.ts';
import { outboxBacklog } from './outbox.ts';

/** The part of the kit's metrics registry this needs. */
export type GaugeRegistrar = Pick<ServiceMetrics, 'gauge'>;

/** Adds `outbox_backlog` (when `db` publishes events) and `event_consumer_lag{consumer}`. */
export function registerEventMetrics(
  metrics: GaugeRegistrar,
  sources: { db?: Db; consumers?: readonly Consumer[] },
): void {
  const { db, consumers = [] } = sources;
  if (db) {
    metrics.gauge(
      'outbox_backlog',
      'Committed events not yet acknowledged by the broker',
      [],
      async (set) => {
        set({}, await outboxBacklog(db));
      },
    );
  }
  if (consumers.length > 0) {
    metrics.gauge(
      'event_consumer_lag',
      'Events delivered to a consumer and not yet handled',
      ['consumer'],
      async (set) => {
        // One slow broker answer must not hide the other consumers' values.
        const lags = await Promise.allSettled(consumers.map((consumer) => consumer.lag()));
        lags.forEach((lag, index) => {
          const consumer = consumers[index];
          if (lag.status === 'fulfilled' && consumer) set({ consumer: consumer.id }, lag.value);
        });
      },
    );
  }
}
