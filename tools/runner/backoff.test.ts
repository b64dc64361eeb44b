import { describe, expect, it } from 'vitest';
import { BACKOFF, crashStreak, restartDelay } from './backoff.ts';

describe('restart backoff', () => {
  it('waits 1 s after the first crash and doubles up to a 30 s cap', () => {
    const schedule = [1, 2, 3, 4, 5, 6, 7, 8].map(restartDelay);
    expect(schedule).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('never waits longer than the cap nor less than the first delay, however long the crash loop', () => {
    for (const crashes of [1, 10, 100, 1_000, 10_000]) {
      const delay = restartDelay(crashes);
      expect(delay).toBeGreaterThanOrEqual(BACKOFF.firstMs);
      expect(delay).toBeLessThanOrEqual(BACKOFF.capMs);
    }
  });

  it('grows the streak when a child dies soon after starting', () => {
    expect(crashStreak(0, 500)).toBe(1);
    expect(crashStreak(3, 59_999)).toBe(4);
  });

  it('starts a new streak when the child had been healthy for a minute', () => {
    expect(crashStreak(7, 60_000)).toBe(1);
    expect(restartDelay(crashStreak(7, 120_000))).toBe(BACKOFF.firstMs);
  });
});
