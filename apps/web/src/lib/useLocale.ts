import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../api/types.ts';
import { toLanguage } from '../i18n/languages.ts';
import { formatDate, numberLocale } from './locale.ts';
import { formatMoney } from './money.ts';

/** The current language and locale-aware formatters for money, numbers and dates. */
export function useLocale() {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage ?? i18n.language);
  const numbers = numberLocale(language);
  const money = useCallback((value: Money) => formatMoney(value, numbers), [numbers]);
  const date = useCallback((iso: string) => formatDate(iso, language), [language]);
  return { language, numbers, money, date };
}
