import { describe, expect, it } from 'vitest';
import { isOrderNumber, newOrderNumber } from './order-number.ts';

describe('order numbers', () => {
  it('look like SD-7K3Q-91XM and pass their own check', () => {
    for (let i = 0; i < 200; i += 1) {
      const number = newOrderNumber();
      expect(number).toMatch(/^SD-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(isOrderNumber(number)).toBe(true);
    }
  });

  it('catch a single mistyped symbol', () => {
    const number = newOrderNumber();
    const at = 5;
    const wrong = number.slice(0, at) + (number[at] === '1' ? '2' : '1') + number.slice(at + 1);
    expect(isOrderNumber(wrong)).toBe(false);
  });
});
