import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, commissionOf } from './allocate.ts';

describe('allocation in minor units', () => {
  it('always sums to the total, never goes negative, and each part is within one unit of its share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(0);
            if (sum > 0) expect(Math.abs(p - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it.each([
    [10_000, 1000, 1000],
    [12_345, 1250, 1543],
    [1, 1000, 0],
    [5, 1000, 1],
  ])('takes commission of %i at %i bp as %i', (amount, bp, expected) => {
    expect(commissionOf(amount, bp)).toBe(expected);
  });
});
