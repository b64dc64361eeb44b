import { describe, expect, it } from 'vitest';
import { pageWindow } from './pageWindow.ts';

describe('pageWindow', () => {
  it.each([
    [1, 1, [1]],
    [1, 5, [1, 2, 3, 4, 5]],
    [1, 20, [1, 2, 3, null, 20]],
    [10, 20, [1, null, 8, 9, 10, 11, 12, null, 20]],
    [20, 20, [1, null, 18, 19, 20]],
    [4, 20, [1, 2, 3, 4, 5, 6, null, 20]],
    [5, 20, [1, 2, 3, 4, 5, 6, 7, null, 20]],
  ])('on page %i of %i shows %j', (page, pages, expected) => {
    expect(pageWindow(page, pages)).toEqual(expected);
  });

  it('always includes the current, first and last page, in order, without repeats', () => {
    for (let pages = 1; pages <= 30; pages++) {
      for (let page = 1; page <= pages; page++) {
        const numbers = pageWindow(page, pages).filter((n) => n !== null);
        expect(numbers).toContain(page);
        expect(numbers[0]).toBe(1);
        expect(numbers.at(-1)).toBe(pages);
        expect([...numbers].sort((a, b) => a - b)).toEqual([...new Set(numbers)]);
        // A gap never hides exactly one page.
        const list = pageWindow(page, pages);
        list.forEach((n, i) => {
          if (n === null) expect((list[i + 1] ?? 0) - (list[i - 1] ?? 0)).toBeGreaterThan(2);
        });
      }
    }
  });
});
