import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { useErrorText, useNotify } from '../seller-catalog/ui.tsx';
import { adminCatalogApi, type ExchangeRate } from './api.ts';
import { AdminTabs } from './AdminTabs.tsx';

/** Display exchange rates: the admin types how many tenge one unit costs; stored as units per tenge ×1e9. */
export function RatesPage() {
  const { t } = useTranslation('adminCatalog');
  useDocumentTitle(t('rates.title'));
  const rates = useQuery({
    queryKey: ['exchange-rates'],
    queryFn: ({ signal }) => adminCatalogApi.rates(signal),
  });
  return (
    <section aria-labelledby="ac-rates-title">
      <AdminTabs />
      <header className="sc-head">
        <div>
          <h1 id="ac-rates-title" className="sc-title">
            {t('rates.title')}
          </h1>
          <p className="sc-muted">{t('rates.lead')}</p>
        </div>
      </header>
      {rates.isPending ? (
        <SkeletonRows rows={3} />
      ) : rates.error ? (
        <ErrorState title={t('common.loadError')} error={rates.error} onRetry={() => void rates.refetch()} />
      ) : (
        <ul className="sc-list" data-testid="rates">
          {rates.data.items.map((rate) => (
            <RateRow key={rate.currency} rate={rate} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Tenge per unit, shown with up to 4 decimals ("1 USD = 518.1347 ₸"). */
const tengePerUnit = (perKztE9: number) => (1e9 / perKztE9).toFixed(4).replace(/\.?0+$/, '');

function RateRow({ rate }: { rate: ExchangeRate }) {
  const { t } = useTranslation('adminCatalog');
  const { date } = useLocale();
  const notify = useNotify();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [value, setValue] = useState(tengePerUnit(rate.perKztE9));
  const parsed = Number(value.replace(',', '.'));
  const valid = Number.isFinite(parsed) && parsed > 0;
  const save = useMutation({
    mutationFn: () => adminCatalogApi.setRate(rate.currency, Math.round(1e9 / parsed)),
    onSuccess: async () => {
      notify(t('rates.saved', { currency: rate.currency }));
      await client.invalidateQueries({ queryKey: ['exchange-rates'] });
    },
    onError: (error) => notify(errorText(error), 'error'),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) save.mutate();
  };
  return (
    <li className="sc-row">
      <strong className="ac-currency">{rate.currency}</strong>
      <form className="ac-rate" onSubmit={submit}>
        <label className="sc-cell">
          <span className="sc-cell__label">{t('rates.tengePer', { currency: rate.currency })}</span>
          <input
            className="input"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-invalid={!valid || undefined}
            data-testid={`rate-${rate.currency}`}
          />
        </label>
        <button type="submit" className="btn btn--primary" disabled={!valid || save.isPending}>
          {t('rates.save')}
        </button>
      </form>
      <p className="sc-muted">{t('rates.updated', { date: date(rate.updatedAt) })}</p>
    </li>
  );
}
