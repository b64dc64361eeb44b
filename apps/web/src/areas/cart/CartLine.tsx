import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/useLocale.ts';
import { ProductImage } from '../storefront/ProductImage.tsx';
import type { CartItem } from './api.ts';
import { maxQuantity, noticesOf, priceWentDown } from './cart-view.ts';
import { QuantityStepper } from './Stepper.tsx';

/** One cart line: photo, title, notices, quantity stepper, remove, line total. */
export function CartLine({
  item,
  busy,
  onQuantity,
  onRemove,
  compact = false,
}: {
  item: CartItem;
  busy: boolean;
  onQuantity?: (quantity: number) => void;
  onRemove?: () => void;
  compact?: boolean;
}) {
  const { t } = useTranslation('cart');
  const { money } = useLocale();
  const notices = noticesOf(item);
  const cheaper = priceWentDown(item);
  return (
    <li className={`ct-line${item.available ? '' : ' ct-line--gone'}${compact ? ' ct-line--compact' : ''}`}>
      <Link to={`/products/${item.productId}`} className="ct-line__image" tabIndex={-1} aria-hidden="true">
        <ProductImage src={item.imageUrl} alt="" />
      </Link>
      <div className="ct-line__main">
        <Link to={`/products/${item.productId}`} className="ct-line__title">
          {item.title}
        </Link>
        {!compact && <p className="ct-muted">{t('line.sku', { sku: item.sku })}</p>}
        <p className="ct-line__unit">
          {compact
            ? t('line.times', { quantity: item.quantity, price: money(item.unitPrice) })
            : money(item.unitPrice)}
          {!compact && item.compareAt && <s className="price-old">{money(item.compareAt)}</s>}
        </p>
        {notices.length > 0 && (
          <ul className="ct-notices">
            {notices.map((notice) => (
              <li
                key={notice.key}
                className={`ct-notice ct-notice--${notice.key.endsWith('price_changed') && cheaper ? 'good' : notice.tone}`}
                data-testid="cart-notice"
              >
                {t(notice.key, {
                  previous: notice.values.previous ? money(notice.values.previous) : '',
                  available: notice.values.available ?? 0,
                  count: notice.values.available ?? 0,
                })}
              </li>
            ))}
          </ul>
        )}
        {!compact && onQuantity && onRemove && (
          <div className="ct-line__actions">
            <QuantityStepper
              value={item.quantity}
              max={maxQuantity(item)}
              disabled={busy || !item.available}
              onChange={onQuantity}
              label={t('line.quantityOf', { title: item.title })}
            />
            <button type="button" className="btn btn--ghost ct-remove" disabled={busy} onClick={onRemove}>
              {t('line.remove')}
            </button>
          </div>
        )}
      </div>
      <p className="ct-line__total">{money(item.total)}</p>
    </li>
  );
}
