import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../auth/useSession.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { cartCommands, useCart, useCartCommand, type Cart } from './api.ts';
import { CartLine } from './CartLine.tsx';
import { groupBySeller } from './cart-view.ts';
import { CodesBox } from './CodesBox.tsx';
import { Totals } from './Totals.tsx';
import { useProblem } from './useProblem.ts';
import './cart.css';

/** The cart: lines per seller with steppers and notices, codes, totals with VAT, and the way to checkout. */
export function CartPage() {
  const { t } = useTranslation('cart');
  useDocumentTitle(t('page.title'));
  const cart = useCart();
  return (
    <div className="container page ct-page">
      <header className="ct-head">
        <h1>{t('page.title')}</h1>
        {cart.data && cart.data.itemCount > 0 && (
          <p className="ct-muted">{t('page.count', { count: cart.data.itemCount })}</p>
        )}
      </header>
      {cart.isPending ? (
        <CartSkeleton />
      ) : cart.isError ? (
        <ErrorState title={t('page.loadError')} error={cart.error} onRetry={() => void cart.refetch()} />
      ) : cart.data.items.length === 0 ? (
        <EmptyState
          icon="box"
          title={t('page.empty')}
          action={
            <Link to="/products" className="btn btn--primary">
              {t('page.browse')}
            </Link>
          }
        >
          {t('page.emptyText')}
        </EmptyState>
      ) : (
        <CartView cart={cart.data} />
      )}
    </div>
  );
}

function CartView({ cart }: { cart: Cart }) {
  const { t } = useTranslation('cart');
  const { money } = useLocale();
  const { user } = useSession();
  const problem = useProblem();
  const change = useCartCommand(({ id, quantity }: { id: string; quantity: number }) =>
    cartCommands.change(id, quantity),
  );
  const remove = useCartCommand(cartCommands.remove);
  const busy = change.isPending || remove.isPending;
  const failure = change.error ?? remove.error;
  return (
    <div className="ct-layout">
      <div className="ct-groups" data-testid="cart-lines">
        {failure && (
          <p className="form-alert" role="alert">
            {problem(failure)}
          </p>
        )}
        {groupBySeller(cart).map((group) => (
          <section key={group.sellerId} className="ct-card ct-group" aria-label={group.sellerName}>
            <header className="ct-group__head">
              <h2>{t('group.soldBy', { seller: group.sellerName || t('group.seller') })}</h2>
              {group.totals && <span className="ct-muted">{money(group.totals.total)}</span>}
            </header>
            <ul className="ct-lines">
              {group.items.map((item) => (
                <CartLine
                  key={item.id}
                  item={item}
                  busy={busy}
                  onQuantity={(quantity) => change.mutate({ id: item.id, quantity })}
                  onRemove={() => remove.mutate(item.id)}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
      <aside className="ct-card ct-summary" aria-label={t('summary.title')}>
        <h2 className="ct-summary__title">{t('summary.title')}</h2>
        <CodesBox cart={cart} />
        <Totals
          itemCount={cart.itemCount}
          totals={{ ...cart, deliveryFee: cart.freeShipping ? { ...cart.total, amount: 0 } : null }}
        />
        {!cart.allAvailable && (
          <p className="ct-notice ct-notice--error" role="status">
            {t('summary.unavailable')}
          </p>
        )}
        {user ? (
          <Link
            to="/checkout"
            className={`btn btn--primary btn--full btn--large${cart.allAvailable ? '' : ' ct-disabled'}`}
            aria-disabled={!cart.allAvailable}
            onClick={(event) => !cart.allAvailable && event.preventDefault()}
            data-testid="checkout-link"
          >
            {t('summary.checkout')}
          </Link>
        ) : (
          <>
            <Link
              to="/login?next=%2Fcheckout"
              className="btn btn--primary btn--full btn--large"
              data-testid="checkout-link"
            >
              {t('summary.signInToCheckout')}
            </Link>
            <p className="ct-muted ct-center">{t('summary.kept')}</p>
          </>
        )}
      </aside>
    </div>
  );
}

function CartSkeleton() {
  return (
    <div className="ct-layout" aria-hidden="true">
      <div className="ct-card ct-skeleton">
        {[0, 1, 2].map((row) => (
          <div key={row} className="ct-skeleton__row">
            <span className="skeleton ct-skeleton__image" />
            <span className="skeleton skeleton--text" />
          </div>
        ))}
      </div>
      <div className="ct-card ct-skeleton">
        <span className="skeleton skeleton--title" />
        <span className="skeleton skeleton--text" />
        <span className="skeleton skeleton--text" />
      </div>
    </div>
  );
}
