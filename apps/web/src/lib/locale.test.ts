import { describe, expect, it } from 'vitest';
import { formatDate, numberLocale } from './locale.ts';
import { formatMoney } from './money.ts';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('numberLocale', () => {
  it('formats Kazakh money the Kazakh way even where the browser lacks Kazakh patterns', () => {
    expect(plain(formatMoney({ amount: 1250050, currency: 'KZT' }, numberLocale('kk')))).toBe('12 500,50 ₸');
  });

  it('leaves English and Russian to their own patterns', () => {
    expect([numberLocale('en'), numberLocale('ru')]).toEqual(['en', 'ru']);
  });
});

describe('formatDate', () => {
  it('names the month in the visitor language', () => {
    expect(formatDate('2026-01-15T10:00:00Z', 'en')).toBe('January 15, 2026');
    expect(formatDate('2026-01-15T10:00:00Z', 'ru')).toMatch(/^15 января 2026/);
  });
});
