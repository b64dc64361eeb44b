import { describe, expect, it } from 'vitest';
import { deltaBetween, loadOf, quantileMs, readingOf, type Reading } from './load.ts';
import { parseMetrics } from './metrics-text.ts';

const BUCKETS = [0.005, 0.01, 0.05, 0.1, Infinity];

/** A /metrics text as the kit writes it: `counts[i]` requests in bucket i (not cumulative). */
function exposition(route: string, counts: number[], errors = 0, cpu = 0): string {
  let cumulative = 0;
  const lines = BUCKETS.map((le, i) => {
    cumulative += counts[i] ?? 0;
    const bound = le === Infinity ? '+Inf' : String(le);
    return `http_server_request_duration_seconds_bucket{le="${bound}",method="GET",route="${route}",status_code="200",service="shop"} ${cumulative}`;
  });
  return [
    '# HELP http_server_requests_total HTTP requests by route and status',
    '# TYPE http_server_requests_total counter',
    `http_server_requests_total{method="GET",route="${route}",status_code="200",service="shop"} ${cumulative - errors}`,
    `http_server_requests_total{method="GET",route="${route}",status_code="503",service="shop"} ${errors}`,
    `http_server_requests_total{method="GET",route="/health/ready",status_code="200",service="shop"} 999`,
    ...lines,
    `process_cpu_seconds_total{service="shop"} ${cpu}`,
    'event_consumer_lag{consumer="shop.commerce",service="shop"} 7',
    'outbox_backlog{service="shop"} 3',
  ].join('\n');
}

const read = (text: string, at: number): Reading => readingOf(parseMetrics(text), at);

describe('the load between two scrapes', () => {
  it('counts traffic only, not probes and scrapes, and reads the gauges', () => {
    const reading = read(exposition('/products', [10, 0, 0, 0, 0]), 0);
    expect(reading.requests).toBe(10);
    expect(reading.consumerLag).toEqual({ 'shop.commerce': 7 });
    expect(reading.outboxBacklog).toBe(3);
  });

  it.each([
    // [requests in each bucket before, after, seconds, expected rps, expected error rate]
    { before: [0, 0, 0, 0, 0], after: [100, 0, 0, 0, 0], seconds: 2, rps: 50, errors: 0, errorRate: 0 },
    { before: [50, 0, 0, 0, 0], after: [50, 100, 0, 0, 0], seconds: 4, rps: 25, errors: 10, errorRate: 0.1 },
    { before: [10, 0, 0, 0, 0], after: [10, 0, 0, 0, 0], seconds: 5, rps: 0, errors: 0, errorRate: null },
  ])('turns counters into rates ($rps req/s)', ({ before, after, seconds, rps, errors, errorRate }) => {
    const load = loadOf([
      deltaBetween(read(exposition('/p', before), 0), read(exposition('/p', after, errors), seconds * 1000)),
    ]);
    expect(load.requestsPerSecond).toBeCloseTo(rps);
    if (errorRate === null) expect(load.errorRate).toBeNull();
    else expect(load.errorRate).toBeCloseTo(errorRate);
  });

  it('treats a counter that went down as a restarted replica, not negative traffic', () => {
    const before = read(exposition('/p', [1000, 0, 0, 0, 0]), 0);
    const after = read(exposition('/p', [30, 0, 0, 0, 0]), 1000);
    expect(loadOf([deltaBetween(before, after)]).requestsPerSecond).toBe(30);
  });

  it('adds the rates of replicas and takes p99 from their merged buckets', () => {
    const a = deltaBetween(read(exposition('/p', [0]), 0), read(exposition('/p', [99, 0, 0, 0, 0]), 1000));
    const b = deltaBetween(read(exposition('/p', [0]), 0), read(exposition('/p', [0, 0, 0, 1, 0]), 1000));
    const load = loadOf([a, b]);
    expect(load.requestsPerSecond).toBe(100);
    // The 99th of 100 requests is the last fast one: inside the first bucket (≤ 5 ms).
    expect(load.p99Ms).toBeLessThanOrEqual(5);
  });

  it('interpolates a quantile inside its bucket and never exceeds the last finite bound', () => {
    expect(
      quantileMs(
        [
          [0.01, 0],
          [0.02, 100],
          [Infinity, 100],
        ],
        0.5,
      ),
    ).toBeCloseTo(15);
    expect(
      quantileMs(
        [
          [0.1, 0],
          [Infinity, 10],
        ],
        0.99,
      ),
    ).toBe(100);
    expect(
      quantileMs(
        [
          [0.1, 0],
          [Infinity, 0],
        ],
        0.99,
      ),
    ).toBeNull();
  });
});

describe('the metrics text reader', () => {
  it('reads label values with escaped quotes and skips comments and junk', () => {
    const samples = parseMetrics('# HELP x\nx{a="say \\"hi\\"",b="2"} 1.5\nnot a sample\ny +Inf\n');
    expect(samples).toEqual([
      { name: 'x', labels: { a: 'say "hi"', b: '2' }, value: 1.5 },
      { name: 'y', labels: {}, value: Infinity },
    ]);
  });
});
