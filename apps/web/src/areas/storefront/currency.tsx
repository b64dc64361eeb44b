import { useQuery } from '@tanstack/react-query';
import { useCallback, useId, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../api/types.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { ratesQuery } from './catalog-api.ts';

/** The currencies prices can be shown in; products are priced in tenge. */
export const DISPLAY_CURRENCIES = ['KZT', 'USD', 'EUR', 'RUB'] as const;
const KEY = 'sauda.displayCurrency';
const listeners = new Set<() => void>();

function read(): string {
  try {
    const saved = localStorage.getItem(KEY);
    return saved && (DISPLAY_CURRENCIES as readonly string[]).includes(saved) ? saved : 'KZT';
  } catch {
    return 'KZT';
  }
}

/** The shopper's display currency, remembered on this device and shared by every price on the page. */
export function useDisplayCurrency(): [string, (currency: string) => void] {
  const currency = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    () => 'KZT',
  );
  const set = useCallback((next: string) => {
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    listeners.forEach((listener) => listener());
  }, []);
  return [currency, set];
}

/**
 * Formats a tenge price in the display currency ("≈ $25"), converted with the admin's rates; the
 * tenge amount stays the price charged, so converted ones are marked approximate.
 */
export function useDisplayMoney(): (money: Money) => string {
  const { money } = useLocale();
  const [currency] = useDisplayCurrency();
  const rates = useQuery({ ...ratesQuery(), enabled: currency !== 'KZT' });
  const rate = rates.data?.items.find((r) => r.currency === currency)?.perKztE9;
  return useCallback(
    (value: Money) => {
      if (currency === 'KZT' || value.currency !== 'KZT' || !rate) return money(value);
      const converted = Math.round((value.amount * rate) / 1e9);
      return `≈ ${money({ amount: converted, currency })}`;
    },
    [currency, rate, money],
  );
}

/** A compact select for the display currency. */
export function CurrencySelect() {
  const { t } = useTranslation('storefront');
  const id = useId();
  const [currency, setCurrency] = useDisplayCurrency();
  return (
    <div className="currency-select">
      <label htmlFor={id}>{t('currency.label')}</label>
      <select
        id={id}
        className="select"
        value={currency}
        onChange={(e) => setCurrency(e.target.value)}
        data-testid="currency-select"
      >
        {DISPLAY_CURRENCIES.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </div>
  );
}
