/** Axis and tooltip labels for charts, in the visitor's language: calendar days and compact amounts. */
import type { Language } from '../../i18n/languages.ts';
import { minorUnitsPerMajor } from '../../lib/money.ts';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  const hit = cache.get(key) as T | undefined;
  if (hit) return hit;
  const made = make();
  cache.set(key, made);
  return made;
}

/** Whether the browser has real month names for a language (trimmed ICU data gives "M01"). */
function hasMonthNames(language: Language): boolean {
  return !/\d/.test(new Intl.DateTimeFormat(language, { month: 'short' }).format(new Date(2026, 0, 15)));
}

/**
 * A calendar day (`2026-11-21`) for an axis ("21 Nov", "21 нояб.") or a tooltip ("Sat, 21 November 2026"),
 * read as that day wherever the browser is (UTC), with digits where the browser lacks month names.
 */
export function formatDay(date: string, language: Language, style: 'short' | 'long'): string {
  const named = hasMonthNames(language);
  const options: Intl.DateTimeFormatOptions = !named
    ? { timeZone: 'UTC', day: '2-digit', month: '2-digit', ...(style === 'long' ? { year: 'numeric' } : {}) }
    : style === 'short'
      ? { timeZone: 'UTC', day: 'numeric', month: 'short' }
      : { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' };
  const locale = named ? language : 'ru-KZ';
  const format = cached(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(locale, options));
  return format.format(new Date(`${date}T00:00:00Z`));
}

/** Minor units as a short amount for an axis: "₸1.2M" in English, "1,2 млн ₸" in Russian. */
export function formatCompactMoney(minor: number, currency: string, numberLocale: string): string {
  const format = cached(
    `m|${numberLocale}|${currency}`,
    () =>
      new Intl.NumberFormat(numberLocale, {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      }),
  );
  return format.format(minor / minorUnitsPerMajor(currency));
}

/** A count or a percentage in the visitor's locale. */
export function formatNumber(value: number, numberLocale: string, percent = false): string {
  const format = cached(
    `n|${numberLocale}|${percent}`,
    () => new Intl.NumberFormat(numberLocale, percent ? { style: 'percent', maximumFractionDigits: 1 } : {}),
  );
  return format.format(value);
}

/** The chart points of a run of calendar days, labelled in the visitor's language. */
export function dayPoints(dates: readonly string[], language: Language) {
  return dates.map((date) => ({
    key: date,
    short: formatDay(date, language, 'short'),
    long: formatDay(date, language, 'long'),
  }));
}
