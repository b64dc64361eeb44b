/** The soak's verdict: least-squares trends of memory and p99 over the measured minutes, and the error count. */

/** Slope (units per x unit) and intercept of the least-squares line through the points. */
export function leastSquares(points: ReadonlyArray<{ x: number; y: number }>): {
  slope: number;
  intercept: number;
} {
  const n = points.length;
  if (n === 0) return { slope: 0, intercept: 0 };
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** The stated tolerances, written into the report next to the verdict. */
export const TOLERANCE = {
  /** Fitted RSS growth over the measured window: at most this share of the service's mean RSS… */
  rssShare: 0.1,
  /** …or this many MB, whichever is larger (small services breathe by a few MB). */
  rssFloorMb: 8,
  /** Fitted p99 rise over the window: at most this share of the mean p99… */
  p99Share: 0.25,
  /** …or this many ms, whichever is larger. */
  p99FloorMs: 15,
  errors: 0,
} as const;

export interface Sample {
  /** Minutes since measuring began (after the warm-up). */
  minute: number;
  /** RSS per service instance in MB; absent when the process could not be read. */
  rssMb: Record<string, number>;
  /** Requests finished in the minute before the sample, their errors and latency percentiles. */
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

export interface Trend {
  slopePerMinute: number;
  /** Fitted change from the first to the last sample. */
  growth: number;
  mean: number;
  tolerance: number;
  pass: boolean;
}

function trendOf(points: Array<{ x: number; y: number }>, share: number, floor: number): Trend {
  const { slope } = leastSquares(points);
  const span = points.length ? Math.max(...points.map((p) => p.x)) - Math.min(...points.map((p) => p.x)) : 0;
  const mean = points.length ? points.reduce((s, p) => s + p.y, 0) / points.length : 0;
  const tolerance = Math.max(share * mean, floor);
  const growth = slope * span;
  return { slopePerMinute: slope, growth, mean, tolerance, pass: growth <= tolerance };
}

export interface Verdict {
  rss: Record<string, Trend>;
  p99: Trend;
  errors: number;
  restarts: string[];
  pass: boolean;
}

/** Judges the samples: no RSS growth trend per service, no rising p99, no errors, no restarted process. */
export function judge(samples: readonly Sample[], restarts: readonly string[] = []): Verdict {
  const services = [...new Set(samples.flatMap((s) => Object.keys(s.rssMb)))].sort();
  const rss = Object.fromEntries(
    services.map((service) => {
      const points = samples.flatMap((s) => {
        const y = s.rssMb[service];
        return y === undefined ? [] : [{ x: s.minute, y }];
      });
      return [service, trendOf(points, TOLERANCE.rssShare, TOLERANCE.rssFloorMb)];
    }),
  );
  const p99 = trendOf(
    samples.filter((s) => s.requests > 0).map((s) => ({ x: s.minute, y: s.p99Ms })),
    TOLERANCE.p99Share,
    TOLERANCE.p99FloorMs,
  );
  const errors = samples.reduce((sum, s) => sum + s.errors, 0);
  const pass =
    Object.values(rss).every((t) => t.pass) &&
    p99.pass &&
    errors <= TOLERANCE.errors &&
    restarts.length === 0;
  return { rss, p99, errors, restarts: [...restarts], pass };
}

/** The p-th percentile of an ascending list (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
