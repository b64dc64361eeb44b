import { describe, expect, it } from 'vitest';
import { paidShare, prorate, sellerSplits, unitsValue } from './money.ts';

describe('order money rules', () => {
  it.each([
    [100, [1, 1, 1]],
    [1, [5, 5]],
    [999_99, [123_45, 67_89, 1]],
    [0, [3, 4]],
    [7, [0, 0]],
  ])('prorates %i over %j keeping every unit, never negative', (amount, weights) => {
    const parts = prorate(amount, weights);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
    expect(parts.every((p) => p >= 0)).toBe(true);
  });

  it.each([
    [
      [
        { sellerId: 'a', total: 60_000 },
        { sellerId: 'b', total: 40_000 },
      ],
      10_000,
      [54_000, 36_000],
    ],
    [[{ sellerId: 'a', total: 100 }], 0, [100]],
    [
      [
        { sellerId: 'a', total: 100 },
        { sellerId: 'b', total: 50 },
      ],
      500,
      [0, 0],
    ],
    [
      [
        { sellerId: 'a', total: 1 },
        { sellerId: 'b', total: 1 },
        { sellerId: 'c', total: 1 },
      ],
      1,
      [0, 1, 1],
    ],
  ])('splits the payment per seller after gift cards (%j, gift %i)', (sellers, gift, expected) => {
    const splits = sellerSplits(sellers, gift);
    expect(splits.map((s) => s.amount)).toEqual(expected);
    const total = sellers.reduce((a, s) => a + s.total, 0);
    expect(splits.reduce((a, s) => a + s.amount, 0)).toBe(Math.max(total - gift, 0));
  });

  it('takes back a line unit by unit and in one go to the same total, never more', () => {
    const total = 10_001;
    const one = [0, 1, 2].map((before) => unitsValue(total, 3, before, 1));
    expect(one.reduce((a, b) => a + b, 0)).toBe(total);
    expect(unitsValue(total, 3, 0, 3)).toBe(total);
    expect(unitsValue(total, 3, 1, 2)).toBe(total - unitsValue(total, 3, 0, 1));
  });

  it('refunds to the payment only the part the payment paid', () => {
    expect(paidShare(5000, 80_000, 100_000)).toBe(4000);
    expect(paidShare(5000, 0, 100_000)).toBe(0);
    expect(paidShare(5000, 100_000, 100_000)).toBe(5000);
  });
});
