import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/states.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { deliveryOptionsQuery, type DeliveryOption } from './api.ts';

/** Step 2: how the order travels — each option with its fee and promised date, pickup at a depot included. */
export function DeliveryStep({
  addressId,
  value,
  onChange,
}: {
  addressId: string | null;
  value: DeliveryOption | null;
  onChange: (option: DeliveryOption | null) => void;
}) {
  const { t } = useTranslation('cart');
  const { money, date } = useLocale();
  const options = useQuery({ ...deliveryOptionsQuery(addressId ?? ''), enabled: addressId !== null });
  const list = options.data ?? [];
  useEffect(() => {
    // A new address brings new options: keep the choice when it still exists, else take the first.
    if (!options.data) return;
    const still = value && options.data.find((option) => option.id === value.id);
    if (!still) onChange(options.data[0] ?? null);
    else if (still !== value) onChange(still);
  }, [options.data, value, onChange]);
  if (addressId === null) return <p className="ct-muted">{t('checkout.addressFirst')}</p>;
  if (options.isPending) return <span className="skeleton skeleton--text" aria-hidden="true" />;
  if (options.isError)
    return (
      <ErrorState
        title={t('checkout.deliveryError')}
        error={options.error}
        onRetry={() => void options.refetch()}
      />
    );
  if (list.length === 0) return <p className="ct-notice ct-notice--error">{t('checkout.noDelivery')}</p>;
  return (
    <div className="co-options" role="radiogroup" aria-label={t('checkout.delivery')}>
      {list.map((option) => (
        <label key={option.id} className="co-option" data-testid="delivery-option">
          <input
            type="radio"
            name="delivery"
            checked={value?.id === option.id}
            onChange={() => onChange(option)}
          />
          <span className="co-option__text">
            <strong>{t(`delivery.${option.kind}`)}</strong>
            <span>{option.label}</span>
            <span className="ct-muted">{t('checkout.promised', { date: date(option.promisedDate) })}</span>
          </span>
          <span className="co-option__price">
            {option.fee.amount === 0 ? t('totals.free') : money(option.fee)}
          </span>
        </label>
      ))}
    </div>
  );
}
