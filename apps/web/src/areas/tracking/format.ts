/** Times of tracking events, shown as they were where they happened (with the zone). */
import type { Language } from '../../i18n/languages.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: Language, timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${withDate}`;
  let found = formats.get(key);
  if (!found) {
    // Kazakh borrows Russian patterns: some Chromium builds know no Kazakh month names (see lib/locale.ts).
    found = new Intl.DateTimeFormat(language === 'kk' ? 'ru-KZ' : language, {
      ...(withDate ? { day: 'numeric', month: 'short' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    formats.set(key, found);
  }
  return found;
}

/** "21 Nov, 14:05 GMT+5". */
export function eventTime(iso: string, timeZone: string, language: Language): string {
  return format(language, timeZone, true).format(new Date(iso));
}

/** "14:05 GMT+5". */
export function clockTime(iso: string, timeZone: string, language: Language): string {
  return format(language, timeZone, false).format(new Date(iso));
}
