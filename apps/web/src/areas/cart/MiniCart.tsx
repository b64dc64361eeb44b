import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Icon } from '../../components/Icon.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { useCart } from './api.ts';
import { CartLine } from './CartLine.tsx';
import './cart.css';

const CART_PATH =
  'M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.9a2 2 0 0 0 1.9-1.4L21 8H6.2M10 21a1 1 0 1 0 0-2 1 1 0 0 0 0 2zm8 0a1 1 0 1 0 0-2 1 1 0 0 0 0 2z';

/** The header's cart button with its count, opening a side panel with the lines and the total. */
export function MiniCart() {
  const { t } = useTranslation('cart');
  const { money } = useLocale();
  const cart = useCart();
  const location = useLocation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const count = cart.data?.itemCount ?? 0;

  useEffect(() => setOpen(false), [location.key]);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        className="icon-button mc-button"
        onClick={() => setOpen(true)}
        aria-label={t('mini.open', { count })}
        data-testid="mini-cart"
      >
        <svg
          width="22"
          height="22"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
          focusable="false"
        >
          <path d={CART_PATH} />
        </svg>
        {count > 0 && (
          <span className="mc-badge" data-testid="mini-cart-count">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      <dialog
        ref={dialog}
        className="mc-drawer"
        aria-label={t('mini.title')}
        onClose={() => setOpen(false)}
        onClick={(event) => event.target === dialog.current && setOpen(false)}
      >
        <div className="mc-panel">
          <div className="mc-head">
            <h2>{t('mini.title')}</h2>
            <button
              type="button"
              className="icon-button"
              onClick={() => setOpen(false)}
              aria-label={t('mini.close')}
            >
              <Icon name="close" />
            </button>
          </div>
          {cart.isPending ? (
            <p className="ct-muted">{t('mini.loading')}</p>
          ) : !cart.data || cart.data.items.length === 0 ? (
            <div className="mc-empty">
              <p>{cart.isError ? t('page.loadError') : t('page.empty')}</p>
              <Link to="/products" className="btn btn--secondary">
                {t('page.browse')}
              </Link>
            </div>
          ) : (
            <>
              <ul className="ct-lines mc-lines" data-testid="mini-cart-lines">
                {cart.data.items.map((item) => (
                  <CartLine key={item.id} item={item} busy={false} compact />
                ))}
              </ul>
              <dl className="ct-totals mc-totals">
                <div className="ct-totals__pay">
                  <dt>{t('totals.total')}</dt>
                  <dd>{money(cart.data.total)}</dd>
                </div>
              </dl>
              <div className="mc-actions">
                <Link to="/cart" className="btn btn--secondary">
                  {t('mini.viewCart')}
                </Link>
                <Link to="/checkout" className="btn btn--primary">
                  {t('summary.checkout')}
                </Link>
              </div>
            </>
          )}
        </div>
      </dialog>
    </>
  );
}
