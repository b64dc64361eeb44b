import { describe, expect, it } from 'vitest';
import { fitCount } from './navFit.ts';

const span = (widths: number[], count: number, gap: number) =>
  widths.slice(0, count).reduce((a, b) => a + b, 0) + Math.max(0, count - 1) * gap;

describe('fitCount', () => {
  it.each([
    { widths: [100, 100, 100], available: 308, more: 80, fits: 3 },
    { widths: [100, 100, 100], available: 307, more: 80, fits: 2 },
    { widths: [100, 100, 100], available: 284, more: 80, fits: 1 },
    { widths: [100, 100, 100], available: 180, more: 80, fits: 0 },
    { widths: [90, 150, 120, 110], available: 470, more: 90, fits: 3 },
    { widths: [90, 150, 120, 110], available: 461, more: 90, fits: 2 },
    { widths: [], available: 0, more: 80, fits: 0 },
  ])('fits $fits of $widths in $available px', ({ widths, available, more, fits }) => {
    const count = fitCount(widths, available, more, 4);
    expect(count).toBe(fits);
    // Invariant: what is shown (plus "More" when something is hidden) never exceeds the room.
    const used = span(widths, count, 4) + (count < widths.length ? 4 + more : 0);
    expect(count === 0 || used <= available).toBe(true);
  });
});
