import { useTranslation } from 'react-i18next';

/** A quantity stepper: minus, the number, plus; big enough for a thumb. */
export function QuantityStepper({
  value,
  max = 999,
  onChange,
  disabled = false,
  label,
}: {
  value: number;
  max?: number;
  onChange: (value: number) => void;
  disabled?: boolean;
  label: string;
}) {
  const { t } = useTranslation('cart');
  return (
    <div className="ct-stepper" role="group" aria-label={label}>
      <button
        type="button"
        className="ct-stepper__button"
        aria-label={t('stepper.less')}
        disabled={disabled || value <= 1}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <output className="ct-stepper__value" aria-live="polite" data-testid="quantity">
        {value}
      </output>
      <button
        type="button"
        className="ct-stepper__button"
        aria-label={t('stepper.more')}
        disabled={disabled || value >= max}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}
