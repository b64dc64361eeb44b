import { describe, expect, it } from 'vitest';
import { giftCardShares, prorate, sellerSplits, takeBackSplit, unitsValue } from './money.ts';

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
    expect(takeBackSplit(5000, 0, 80_000, 100_000)).toEqual({ paid: 4000, gift: 1000 });
    expect(takeBackSplit(5000, 0, 0, 100_000)).toEqual({ paid: 0, gift: 5000 });
    expect(takeBackSplit(5000, 0, 100_000, 100_000)).toEqual({ paid: 5000, gift: 0 });
  });

  it.each([
    // total goods, paid through payment (the rest by gift cards), values taken back one after another
    [100_000, 100_000, [30_000, 70_000]],
    [100_000, 0, [1, 2, 99_997]],
    [99_999, 33_333, [1, 1, 1, 33_333, 66_663]],
    [12_345, 6_789, [4_115, 4_115, 4_115]],
    [500, 499, [1, 1, 1, 1, 496]],
  ])(
    'splits goods taken back from %i (%i paid) cumulatively: each step adds up, gift cards never get more than they paid',
    (total, payable, values) => {
      let before = 0;
      let paid = 0;
      let gift = 0;
      for (const value of values) {
        const split = takeBackSplit(value, before, payable, total);
        expect(split.paid + split.gift).toBe(value);
        expect(split.paid).toBeGreaterThanOrEqual(0);
        expect(split.gift).toBeGreaterThanOrEqual(0);
        before += value;
        paid += split.paid;
        gift += split.gift;
        expect(gift).toBeLessThanOrEqual(total - payable);
        expect(paid).toBeLessThanOrEqual(payable);
      }
      if (before === total) expect([paid, gift]).toEqual([payable, total - payable]);
    },
  );

  it('refills gift cards in the order they were applied, each up to what it paid, never twice', () => {
    const cards = [
      { code: 'A', amount: 1000 },
      { code: 'B', amount: 500 },
    ];
    expect(giftCardShares(cards, 0, 600)).toEqual([{ code: 'A', amount: 600 }]);
    expect(giftCardShares(cards, 600, 600)).toEqual([
      { code: 'A', amount: 400 },
      { code: 'B', amount: 200 },
    ]);
    expect(giftCardShares(cards, 1200, 900)).toEqual([{ code: 'B', amount: 300 }]);
    expect(giftCardShares(cards, 1500, 10)).toEqual([]);
    expect(giftCardShares([], 0, 10)).toEqual([]);
  });
});
