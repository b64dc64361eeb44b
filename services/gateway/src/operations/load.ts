/**
 * The load of one instance between two scrapes: request rate, error rate and p99 from the kit's
 * counters and histogram buckets, plus the gauges (consumer lag, outbox backlog) as last read.
 */
import type { Sample } from './metrics-text.ts';

/** What one scrape of an instance's /metrics keeps (cumulative counters, current gauges). */
export interface Reading {
  /** Milliseconds (monotonic enough: Date.now() of the gateway). */
  at: number;
  requests: number;
  errors: number;
  /** Cumulative duration bucket counts by upper bound in seconds, ascending. */
  buckets: Array<[number, number]>;
  cpuSeconds: number;
  /** Undefined when the service does not publish events / consume them. */
  outboxBacklog?: number;
  consumerLag: Record<string, number>;
}

/** Load over an interval; null where the interval holds no request. */
export interface Load {
  requestsPerSecond: number;
  errorRate: number | null;
  p99Ms: number | null;
  cpuPercent: number;
}

// Probes and scrapes are not traffic.
const isTraffic = (route: string | undefined) =>
  route !== undefined && !route.startsWith('/health') && route !== '/metrics';

/** Reduces the samples of one scrape to a reading. */
export function readingOf(samples: readonly Sample[], at: number): Reading {
  let requests = 0;
  let errors = 0;
  let cpuSeconds = 0;
  let outboxBacklog: number | undefined;
  const buckets = new Map<number, number>();
  const consumerLag: Record<string, number> = {};
  for (const { name, labels, value } of samples) {
    if (name === 'http_server_requests_total' && isTraffic(labels['route'])) {
      requests += value;
      if (labels['status_code']?.startsWith('5')) errors += value;
    } else if (name === 'http_server_request_duration_seconds_bucket' && isTraffic(labels['route'])) {
      const le = labels['le'] === '+Inf' ? Infinity : Number(labels['le']);
      buckets.set(le, (buckets.get(le) ?? 0) + value);
    } else if (name === 'process_cpu_seconds_total') cpuSeconds = value;
    else if (name === 'outbox_backlog') outboxBacklog = value;
    else if (name === 'event_consumer_lag' && labels['consumer']) consumerLag[labels['consumer']] = value;
  }
  return {
    at,
    requests,
    errors,
    cpuSeconds,
    consumerLag,
    buckets: [...buckets].sort(([a], [b]) => a - b),
    ...(outboxBacklog === undefined ? {} : { outboxBacklog }),
  };
}

/** What happened on one instance between two readings (counts, not rates). */
export interface Delta {
  seconds: number;
  requests: number;
  errors: number;
  /** Cumulative bucket counts of the requests in the interval. */
  buckets: Array<[number, number]>;
  cpuSeconds: number;
}

/** The difference of two readings of the same instance; a counter that went down means a restart. */
export function deltaBetween(before: Reading, after: Reading): Delta {
  const base = after.requests < before.requests ? undefined : before;
  const previous = new Map(base?.buckets ?? []);
  return {
    seconds: Math.max((after.at - before.at) / 1000, 0.001),
    requests: after.requests - (base?.requests ?? 0),
    errors: after.errors - (base?.errors ?? 0),
    buckets: after.buckets.map(([le, count]): [number, number] => [le, count - (previous.get(le) ?? 0)]),
    cpuSeconds: Math.max(after.cpuSeconds - (base?.cpuSeconds ?? 0), 0),
  };
}

/** The load of several instances together: rates add up, p99 comes from their merged buckets. */
export function loadOf(deltas: readonly Delta[]): Load {
  const requests = deltas.reduce((sum, d) => sum + d.requests, 0);
  const errors = deltas.reduce((sum, d) => sum + d.errors, 0);
  const merged = new Map<number, number>();
  for (const delta of deltas)
    for (const [le, count] of delta.buckets) merged.set(le, (merged.get(le) ?? 0) + count);
  return {
    requestsPerSecond: deltas.reduce((sum, d) => sum + d.requests / d.seconds, 0),
    errorRate: requests > 0 ? errors / requests : null,
    p99Ms: quantileMs(
      [...merged].sort(([a], [b]) => a - b),
      0.99,
    ),
    cpuPercent: deltas.reduce((sum, d) => sum + (d.cpuSeconds / d.seconds) * 100, 0),
  };
}

/** The q-quantile of cumulative bucket counts, interpolated inside its bucket as Prometheus does. */
export function quantileMs(buckets: ReadonlyArray<readonly [number, number]>, q: number): number | null {
  const total = buckets.at(-1)?.[1] ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [le, count] of buckets) {
    if (count >= rank) {
      // Beyond the last finite bound Prometheus answers that bound; so do we.
      if (le === Infinity) return lowerBound * 1000;
      const share = count === lowerCount ? 0 : (rank - lowerCount) / (count - lowerCount);
      return (lowerBound + (le - lowerBound) * share) * 1000;
    }
    lowerBound = le;
    lowerCount = count;
  }
  return lowerBound * 1000;
}
