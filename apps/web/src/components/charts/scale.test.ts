import { describe, expect, it } from 'vitest';
import { axisTicks, labelIndexes, moveIndex, niceCeil, sparklinePaths } from './scale.ts';

describe('sparkline paths', () => {
  it('draw nothing with fewer than two points', () => {
    expect(sparklinePaths([], 100, 30)).toEqual({ line: '', area: '' });
    expect(sparklinePaths([5], 100, 30)).toEqual({ line: '', area: '' });
  });

  it('span the width, put the largest value near the top and zero at the bottom', () => {
    const { line, area, last } = sparklinePaths([0, 10, 5], 100, 30);
    expect(line).toBe('M0 28 L50 2 L100 15');
    expect(area).toBe('M0 28 L50 2 L100 15 L100 30 L0 30 Z');
    expect(last).toEqual({ x: 100, y: 15 });
  });

  it('draw missing figures and a flat zero line inside the box', () => {
    const { line } = sparklinePaths([null, 0, Number.NaN], 60, 20);
    expect(line).toBe('M0 18 L30 18 L60 18');
  });
});

describe('axis ticks', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7.2, 10],
    [12, 20],
    [230, 250],
    [4_100_000, 5_000_000],
  ])('round %d up to the nice %d', (value, nice) => expect(niceCeil(value)).toBe(nice));

  it.each([0, 1, 7, 13, 99, 1234, 4_990_000, 98_765_432])(
    'cover %d with three to five even steps from zero',
    (max) => {
      const ticks = axisTicks(max);
      expect(ticks.length).toBeGreaterThanOrEqual(4);
      expect(ticks.length).toBeLessThanOrEqual(6);
      // Never more than twice the room the data needs.
      if (max > 1) expect(ticks.at(-1)).toBeLessThanOrEqual(2 * max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      const step = ticks[1]!;
      ticks.forEach((tick, i) => expect(tick).toBeCloseTo(i * step));
    },
  );
});

describe('axis labels', () => {
  it('label every point of a short series', () => expect(labelIndexes(4)).toEqual([0, 1, 2, 3]));
  it.each([7, 30, 90, 366])('label at most six of %d points, always the last, evenly', (n) => {
    const picked = labelIndexes(n);
    expect(picked.length).toBeLessThanOrEqual(6);
    expect(picked.at(-1)).toBe(n - 1);
    const gaps = new Set(picked.slice(1).map((p, i) => p - picked[i]!));
    expect(gaps.size).toBe(1);
  });
  it('label nothing without points', () => expect(labelIndexes(0)).toEqual([]));
});

describe('keyboard moves between points', () => {
  it.each([
    ['ArrowLeft', null, 29],
    ['ArrowLeft', 5, 4],
    ['ArrowLeft', 0, 0],
    ['ArrowRight', 5, 6],
    ['ArrowRight', null, 29],
    ['ArrowRight', 29, 29],
    ['Home', 12, 0],
    ['End', 3, 29],
    ['Enter', 3, null],
  ] as const)('%s from %s goes to %s', (key, from, to) => expect(moveIndex(key, from, 30)).toBe(to));
  it('go nowhere without points', () => expect(moveIndex('ArrowLeft', null, 0)).toBeNull());
});
