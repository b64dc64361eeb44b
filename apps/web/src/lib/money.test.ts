import { describe, expect, it } from 'vitest';
import { currencySymbol, formatMoney, minorUnitsPerMajor } from './money.ts';

// Intl separates groups and symbols with no-break spaces; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney', () => {
  it.each([
    ['ru', { amount: 1250000, currency: 'KZT' }, '12 500 ₸'],
    ['kk', { amount: 1250000, currency: 'KZT' }, '12 500 ₸'],
    ['en', { amount: 1250000, currency: 'KZT' }, '₸12,500'],
    ['ru', { amount: 1250050, currency: 'KZT' }, '12 500,50 ₸'],
    ['en', { amount: 1999, currency: 'USD' }, '$19.99'],
    ['en', { amount: 500, currency: 'JPY' }, '¥500'],
    ['en', { amount: 1005, currency: 'KWD' }, 'KWD 1.005'],
    ['ru', { amount: 0, currency: 'KZT' }, '0 ₸'],
  ])('in %s shows %o as %s', (locale, money, expected) => {
    expect(plain(formatMoney(money, locale))).toBe(expected);
  });

  it('never shows a zero fraction, and never hides a non-zero one', () => {
    for (let amount = 0; amount < 1000; amount += 7) {
      const text = plain(formatMoney({ amount, currency: 'KZT' }, 'en'));
      expect(text.includes('.')).toBe(amount % 100 !== 0);
    }
  });

  it('still shows an amount in a currency Intl does not know', () => {
    expect(plain(formatMoney({ amount: 1500, currency: 'XX1' }, 'en'))).toContain('XX1');
  });
});

describe('minorUnitsPerMajor', () => {
  it('follows ISO 4217 minor units', () => {
    expect([minorUnitsPerMajor('KZT'), minorUnitsPerMajor('JPY'), minorUnitsPerMajor('KWD')]).toEqual([
      100, 1, 1000,
    ]);
  });
});

describe('currencySymbol', () => {
  it('is the narrow symbol', () => {
    expect(currencySymbol('KZT', 'kk')).toBe('₸');
    expect(currencySymbol('USD', 'ru')).toBe('$');
  });
});
