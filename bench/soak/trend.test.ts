import { describe, expect, it } from 'vitest';
import { judge, leastSquares, percentile, type Sample } from './trend.ts';

const sample = (minute: number, rss: number, p99: number, errors = 0): Sample => ({
  minute,
  rssMb: { shop: rss },
  requests: 600,
  errors,
  p50Ms: 5,
  p99Ms: p99,
});

describe('the soak verdict', () => {
  it('fits a straight line exactly', () => {
    const fit = leastSquares([0, 1, 2, 3].map((x) => ({ x, y: 2 * x + 5 })));
    expect(fit.slope).toBeCloseTo(2);
    expect(fit.intercept).toBeCloseTo(5);
    expect(leastSquares([{ x: 1, y: 3 }]).slope).toBe(0);
  });

  it('passes flat memory and latency with no errors, even when they wobble', () => {
    const samples = [0, 1, 2, 3, 4, 5].map((m) => sample(m, 120 + (m % 2) * 3, 40 + (m % 3)));
    expect(judge(samples).pass).toBe(true);
  });

  it('fails a service whose RSS keeps growing (a leak of 5 MB a minute over 10 minutes)', () => {
    const samples = Array.from({ length: 11 }, (_, m) => sample(m, 100 + 5 * m, 40));
    const verdict = judge(samples);
    expect(verdict.rss['shop']?.pass).toBe(false);
    expect(verdict.rss['shop']?.slopePerMinute).toBeCloseTo(5);
    expect(verdict.pass).toBe(false);
  });

  it('fails a rising p99, any error, and any restarted process', () => {
    expect(judge(Array.from({ length: 6 }, (_, m) => sample(m, 100, 40 + 20 * m))).p99.pass).toBe(false);
    expect(judge([sample(0, 100, 40), sample(1, 100, 40, 1)]).pass).toBe(false);
    expect(judge([sample(0, 100, 40), sample(1, 100, 40)], ['stock']).pass).toBe(false);
  });

  it('reads percentiles by nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([], 99)).toBe(0);
  });
});
