import type { Money } from '../api/types.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, fractionDigits: number | null): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits}`;
  let format = formatters.get(key);
  if (!format) {
    const digits = fractionDigits === null ? {} : { minimumFractionDigits: fractionDigits };
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
      ...digits,
    });
    formatters.set(key, format);
  }
  return format;
}

/** How many minor units make one major unit of a currency (100 for KZT, 1 for JPY, 1000 for KWD). */
export function minorUnitsPerMajor(currency: string): number {
  try {
    return 10 ** (formatter('en', currency, null).resolvedOptions().maximumFractionDigits ?? 2);
  } catch {
    return 100;
  }
}

/**
 * Formats integer minor units for people: { amount: 1250000, currency: 'KZT' } is "12 500 ₸" in Russian
 * and Kazakh and "₸12,500" in English. Whole amounts drop the zero fraction; others show all its digits.
 */
export function formatMoney(money: Money, locale: string): string {
  const perMajor = minorUnitsPerMajor(money.currency);
  const digits = Math.round(Math.log10(perMajor));
  const whole = money.amount % perMajor === 0;
  try {
    return formatter(locale, money.currency, whole ? 0 : digits).format(money.amount / perMajor);
  } catch {
    // An unknown currency code: still show the number and the code rather than nothing.
    return `${(money.amount / perMajor).toLocaleString(locale)} ${money.currency}`;
  }
}

/** The symbol a locale shows for a currency ("₸", "$"), for labels such as "Price, ₸". */
export function currencySymbol(currency: string, locale: string): string {
  try {
    const parts = formatter(locale, currency, 0).formatToParts(0);
    return parts.find((part) => part.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
