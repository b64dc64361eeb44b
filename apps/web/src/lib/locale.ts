import type { Language } from '../i18n/languages.ts';

/**
 * The locale to format numbers and money with. Kazakh writes them exactly as Russian does
 * ("12 500,50 ₸"), and some browsers (Chromium builds with trimmed ICU data) know no Kazakh number
 * patterns and would print "₸ 12,500.50"; so Kazakh borrows the Russian patterns for Kazakhstan.
 */
export function numberLocale(language: Language): string {
  return language === 'kk' ? 'ru-KZ' : language;
}

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** Whether the browser has real month names for a language (trimmed ICU data gives "M01"). */
function hasMonthNames(language: Language): boolean {
  return !/\d/.test(new Intl.DateTimeFormat(language, { month: 'long' }).format(new Date(2026, 0, 15)));
}

/** "21 November 2026" in the visitor's language, or "21.11.2026" where the browser lacks month names. */
export function formatDate(iso: string, language: Language): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = hasMonthNames(language)
      ? new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' })
      : new Intl.DateTimeFormat('ru-KZ', { day: '2-digit', month: '2-digit', year: 'numeric' });
    dateFormats.set(language, format);
  }
  return format.format(new Date(iso));
}
