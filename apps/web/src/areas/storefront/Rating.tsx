import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/useLocale.ts';
import './product-card.css';

/** Five stars filled to the rating, with the number; read out as "Rated 4.5 out of 5". */
export function Rating({
  value,
  showEmpty = false,
}: {
  value: number | null | undefined;
  showEmpty?: boolean;
}) {
  const { t } = useTranslation();
  const { numbers } = useLocale();
  if (value === null || value === undefined) {
    return showEmpty ? <span className="rating rating--empty">{t('product.noRating')}</span> : null;
  }
  const shown = new Intl.NumberFormat(numbers, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
  const percent = Math.max(0, Math.min(100, (value / 5) * 100));
  return (
    <span className="rating">
      <span className="rating__stars" aria-hidden="true">
        <span className="rating__fill" style={{ width: `${percent}%` }}>
          ★★★★★
        </span>
        ★★★★★
      </span>
      <span className="rating__value" aria-hidden="true">
        {shown}
      </span>
      <span className="visually-hidden">{t('product.rating', { rating: shown })}</span>
    </span>
  );
}
