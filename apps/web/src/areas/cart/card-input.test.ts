import { describe, expect, it } from 'vitest';
import { cardProblems, luhnValid, parseExpiry } from './card-input.ts';

const now = new Date(2026, 10, 21);

describe('new card fields', () => {
  it.each([
    ['4242424242424242', true],
    ['4000000000003220', true],
    ['4242424242424241', false],
    ['1234', false],
  ])('Luhn says %s is %s', (digits, valid) => {
    expect(luhnValid(digits)).toBe(valid);
  });

  it.each([
    ['12/30', { month: 12, year: 2030 }],
    ['11 / 2026', { month: 11, year: 2026 }],
    ['10/26', null],
    ['13/30', null],
    ['1230', null],
  ])('reads the expiry %s as %o', (text, expected) => {
    expect(parseExpiry(text, now)).toEqual(expected);
  });

  it('names every wrong field of the sandbox 3-D Secure card typed badly, and none typed well', () => {
    expect(cardProblems({ number: '4000 0000 0000 3221', expiry: '1/20', cvc: '1' }, now)).toEqual([
      'number',
      'expiry',
      'cvc',
    ]);
    expect(cardProblems({ number: '4000 0000 0000 3220', expiry: '12/31', cvc: '123' }, now)).toEqual([]);
  });
});
