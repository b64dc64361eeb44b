/**
 * The operations view: every replica of every service scraped (/metrics and /health/ready), compared
 * with its previous scrape kept in memory, and summed per service. No Prometheus needed.
 */
import type {
  OperationsPoint,
  OperationsReport,
  ReplicaHealth,
  ReplicaOperations,
  ServiceOperations,
} from '@sauda/contracts';
import { request } from 'undici';
import { deltaBetween, loadOf, readingOf, type Delta, type Reading } from './load.ts';
import { parseMetrics } from './metrics-text.ts';
import type { UpstreamPool } from './upstream-pool.ts';

type Health = ReplicaHealth;

export interface MonitorOptions {
  timeoutMs?: number;
  /** Points of history kept per service (one per collection). */
  historySize?: number;
  /** Callers within this long of the last collection share it. */
  minIntervalMs?: number;
  /** With no previous scrape, wait this long and scrape again, so the first answer has rates. */
  baselineMs?: number;
  now?: () => number;
}

interface Scrape {
  url: string;
  health: Health;
  reading?: Reading;
}

/** Keeps the last reading per replica and the recent history per service, in memory. */
export function createOperationsMonitor(
  pools: ReadonlyMap<string, UpstreamPool>,
  options: MonitorOptions = {},
): { collect(): Promise<OperationsReport> } {
  const timeoutMs = options.timeoutMs ?? 1500;
  const historySize = options.historySize ?? 60;
  const minIntervalMs = options.minIntervalMs ?? 1000;
  const baselineMs = options.baselineMs ?? 1000;
  const now = options.now ?? Date.now;
  const last = new Map<string, Reading>();
  const history = new Map<string, OperationsPoint[]>();
  let latest: { at: number; report: OperationsReport } | undefined;
  let running: Promise<OperationsReport> | undefined;

  const scrapeAll = async (): Promise<Array<{ pool: UpstreamPool; scrapes: Scrape[] }>> =>
    Promise.all(
      [...pools.values()].map(async (pool) => ({
        pool,
        scrapes: await Promise.all(pool.urls.map((url) => scrape(url, timeoutMs, now))),
      })),
    );

  async function collect(): Promise<OperationsReport> {
    let results = await scrapeAll();
    const fresh = (s: Scrape) => s.reading && !isRecent(last.get(s.url), s.reading, 60_000);
    if (results.some(({ scrapes }) => scrapes.some(fresh))) {
      for (const { scrapes } of results) remember(scrapes);
      await new Promise((resolve) => setTimeout(resolve, baselineMs));
      results = await scrapeAll();
    }
    const at = now();
    const services = results.map(({ pool, scrapes }) => summarise(pool.service, scrapes));
    for (const { scrapes } of results) remember(scrapes);
    const previousAt = latest?.at;
    const report: OperationsReport = {
      collectedAt: new Date(at).toISOString(),
      intervalSeconds: previousAt === undefined ? null : (at - previousAt) / 1000,
      services: services.sort((a, b) => a.service.localeCompare(b.service)),
    };
    latest = { at, report };
    return report;
  }

  function remember(scrapes: Scrape[]): void {
    for (const s of scrapes) if (s.reading) last.set(s.url, s.reading);
  }

  function summarise(service: string, scrapes: Scrape[]): ServiceOperations {
    const deltas: Delta[] = [];
    const replicas = scrapes.map((s): ReplicaOperations => {
      const before = last.get(s.url);
      const delta = s.reading && before ? deltaBetween(before, s.reading) : undefined;
      if (delta) deltas.push(delta);
      const load = delta ? loadOf([delta]) : undefined;
      return {
        url: s.url,
        health: s.health,
        requestsPerSecond: load?.requestsPerSecond ?? null,
        p99Ms: load?.p99Ms ?? null,
        cpuPercent: load?.cpuPercent ?? null,
      };
    });
    const load = deltas.length > 0 ? loadOf(deltas) : undefined;
    const readings = scrapes.flatMap((s) => (s.reading ? [s.reading] : []));
    const ready = scrapes.filter((s) => s.health === 'ready').length;
    const points = [
      ...(history.get(service) ?? []),
      ...(load
        ? [
            {
              at: new Date(now()).toISOString(),
              requestsPerSecond: load.requestsPerSecond,
              p99Ms: load.p99Ms,
              errorRate: load.errorRate,
            },
          ]
        : []),
    ].slice(-historySize);
    history.set(service, points);
    return {
      service,
      health: ready === scrapes.length ? 'ready' : ready > 0 ? 'degraded' : 'down',
      instances: scrapes.length,
      instancesReady: ready,
      requestsPerSecond: load?.requestsPerSecond ?? null,
      p99Ms: load?.p99Ms ?? null,
      errorRate: load?.errorRate ?? null,
      cpuPercent: load?.cpuPercent ?? null,
      consumerLag: consumerLag(readings),
      outboxBacklog: maxOf(readings.map((r) => r.outboxBacklog)),
      replicas,
      history: points,
    };
  }

  return {
    collect() {
      if (latest && now() - latest.at < minIntervalMs) return Promise.resolve(latest.report);
      running ??= collect().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

function isRecent(before: Reading | undefined, after: Reading, maxAgeMs: number): boolean {
  return before !== undefined && after.at - before.at <= maxAgeMs;
}

/** Replicas of a consumer share its durable: take each consumer's largest report, then add consumers up. */
function consumerLag(readings: readonly Reading[]): number | null {
  const byConsumer = new Map<string, number>();
  for (const reading of readings)
    for (const [consumer, lag] of Object.entries(reading.consumerLag))
      byConsumer.set(consumer, Math.max(byConsumer.get(consumer) ?? 0, lag));
  return byConsumer.size === 0 ? null : [...byConsumer.values()].reduce((a, b) => a + b, 0);
}

function maxOf(values: ReadonlyArray<number | undefined>): number | null {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length === 0 ? null : Math.max(...known);
}

async function scrape(url: string, timeoutMs: number, now: () => number): Promise<Scrape> {
  const [metrics, health] = await Promise.all([
    request(`${url}/metrics`, { signal: AbortSignal.timeout(timeoutMs) }).then(
      async (response) => {
        if (response.statusCode === 200) return response.body.text();
        await response.body.dump();
        return undefined;
      },
      () => undefined,
    ),
    request(`${url}/health/ready`, { signal: AbortSignal.timeout(timeoutMs) }).then(
      async (response) => {
        await response.body.dump();
        return response.statusCode === 200 ? ('ready' as const) : ('not_ready' as const);
      },
      () => 'down' as const,
    ),
  ]);
  return {
    url,
    health: metrics === undefined && health !== 'ready' ? 'down' : health,
    ...(metrics === undefined ? {} : { reading: readingOf(parseMetrics(metrics), now()) }),
  };
}
