/**
 * Locale-correct numbers, dates and money in each language the app speaks (issue 11), through the same
 * path the pages take: language → numberLocale → formatter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventTime } from '../areas/tracking/format.ts';
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { formatDate, numberLocale } from './locale.ts';
import { currencySymbol, formatMoney } from './money.ts';

// Intl separates groups and symbols with no-break spaces; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const money = (amount: number, currency = 'KZT', language: Language = 'en') =>
  plain(formatMoney({ amount, currency }, numberLocale(language)));

describe.each([
  // language, 12 500 ₸, 12 500,50 ₸, 1 234 567,89 (a plain number), $19.99, the tenge sign
  ['en', '₸12,500', '₸12,500.50', '1,234,567.89', '$19.99'],
  ['ru', '12 500 ₸', '12 500,50 ₸', '1 234 567,89', '19,99 $'],
  ['kk', '12 500 ₸', '12 500,50 ₸', '1 234 567,89', '19,99 $'],
] as const)('in %s', (language, tenge, tengeWithTiyn, number, dollars) => {
  it('writes tenge with the ₸ sign, grouped the local way, without a zero fraction', () => {
    expect(money(1_250_000, 'KZT', language)).toBe(tenge);
    expect(money(1_250_050, 'KZT', language)).toBe(tengeWithTiyn);
    expect(currencySymbol('KZT', numberLocale(language))).toBe('₸');
  });

  it('writes plain numbers with the local group and decimal separators', () => {
    expect(plain(new Intl.NumberFormat(numberLocale(language)).format(1_234_567.89))).toBe(number);
  });

  it('writes other currencies in the same local pattern', () => {
    expect(money(1999, 'USD', language)).toBe(dollars);
  });
});

describe('dates', () => {
  const iso = '2026-11-21T09:30:00Z';

  it.each([
    ['en', /^(21 November 2026|November 21, 2026)$/],
    ['ru', /^(21 ноября 2026 г\.|21\.11\.2026)$/],
    ['kk', /^(2026 ж\. 21 қараша|21 қараша 2026 ж\.|21\.11\.2026)$/],
  ] as const)('in %s read the local way', (language, expected) => {
    expect(plain(formatDate(iso, language))).toMatch(expected);
  });

  it('put a tracking event at the local time of the place, with its zone', () => {
    for (const language of LANGUAGES) {
      const text = plain(eventTime(iso, 'Asia/Almaty', language));
      expect(text).toMatch(/14:30|2:30/);
      expect(text).toMatch(/GMT\+5|UTC\+5|ALMT/);
    }
  });
});

describe('money in every language', () => {
  it('keeps every digit of the amount: no rounding, no lost tiyn', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.constantFrom(...LANGUAGES),
        (amount, language) => {
          const digits = money(amount, 'KZT', language).replace(/\D/g, '');
          const tenge = String(Math.floor(amount / 100));
          const expected = amount % 100 === 0 ? tenge : `${tenge}${String(amount % 100).padStart(2, '0')}`;
          expect(digits).toBe(expected);
        },
      ),
    );
  });
});
