/** Prometheus metrics: one registry per service; RED histograms per route plus process and data gauges. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type Metric } from 'prom-client';

/** Everything a service exposes at /metrics. */
export interface ServiceMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  httpRequests: Counter<'method' | 'route' | 'status_code'>;
  /** Adds a gauge whose value is read at scrape time (outbox backlog, consumer lag, pool usage). */
  gauge(
    name: string,
    help: string,
    labelNames: string[],
    read: (set: (labels: Record<string, string>, value: number) => void) => Promise<void> | void,
  ): void;
}

/** Builds a registry labelled with the service name. */
export function createMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: 'http_server_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  return {
    registry,
    httpDuration,
    httpRequests,
    gauge(name, help, labelNames, read) {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          this.reset();
          // A failing probe must not break the whole scrape; the gauge is just left empty.
          try {
            await read((labels, value) => this.set(labels, value));
          } catch {
            return;
          }
        },
      });
    },
  };
}

/**
 * A business counter, defined once at module level by the service that owns the fact (orders placed,
 * payments declined) and incremented by its use cases; `exposeMetrics` puts it on the app's /metrics.
 */
export function defineCounter<L extends string = string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
): Counter<L> {
  return new Counter({ name, help, labelNames, registers: [] });
}

/** Adds module-level metrics to a service's registry (once per registry; a second app gets them too). */
export function exposeMetrics(metrics: ServiceMetrics, ...list: Metric[]): void {
  for (const metric of list) {
    const { name } = metric as unknown as { name: string }; // prom-client keeps the name as a plain field
    if (!metrics.registry.getSingleMetric(name)) metrics.registry.registerMetric(metric);
  }
}
