import { describe, expect, it } from 'vitest';
import { buildSchedule, describeStep } from './schedule.ts';

const options = {
  durationMs: 120_000,
  services: ['orders', 'payment', 'stock'],
  killEveryMs: 6_000,
  faultEveryMs: 15_000,
  databaseRestartEveryMs: 240_000,
  seed: 7,
};

describe('the chaos schedule', () => {
  it('kills a service every few seconds and rotates every kind of fault, with one database restart mid-run', () => {
    const steps = buildSchedule(options);
    expect(steps.filter((s) => s.kind === 'kill')).toHaveLength(19);
    expect(steps.filter((s) => s.kind === 'database-restart')).toHaveLength(1);
    expect(steps.some((s) => s.kind === 'broker-restart')).toBe(true);
    const proxied = steps.flatMap((s) => (s.kind === 'proxy' ? [`${s.target} ${s.fault.kind}`] : []));
    expect(new Set(proxied)).toEqual(
      new Set([
        'postgres latency',
        'payment blackhole',
        'postgres reset',
        'payment latency',
        'payment reset',
        'postgres blackhole',
      ]),
    );
  });

  it('is ordered, stays inside the run and ends every fault before the run does', () => {
    const steps = buildSchedule(options);
    expect(steps.map((s) => s.atMs)).toEqual([...steps.map((s) => s.atMs)].sort((a, b) => a - b));
    for (const step of steps) {
      expect(step.atMs).toBeLessThan(options.durationMs - 5_000);
      if (step.kind === 'proxy')
        expect(step.atMs + step.forMs).toBeLessThanOrEqual(options.durationMs - 5_000);
    }
  });

  it('is the same for the same seed and different for another', () => {
    expect(buildSchedule(options)).toEqual(buildSchedule(options));
    expect(buildSchedule({ ...options, seed: 8 })).not.toEqual(buildSchedule(options));
    expect(describeStep({ atMs: 1_500, kind: 'kill', service: 'orders' })).toBe('1.5s SIGKILL orders');
  });
});
