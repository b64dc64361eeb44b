import { describe, expect, it } from 'vitest';
import { sparklinePaths } from './sparkline.ts';

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
