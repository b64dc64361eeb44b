import type { CheckoutRequest } from '@sauda/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/problem.ts';
import { EmptyState, ErrorState, PageLoader } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { paymentApi } from '../payment/api.ts';
import { AddressStep } from './AddressStep.tsx';
import { useCart, cartCommands, type Cart, type DeliveryOption } from './api.ts';
import { attemptFor, keepsAttempt, type Attempt } from './attempt.ts';
import { CartLine } from './CartLine.tsx';
import { cardProblems, parseExpiry } from './card-input.ts';
import { DeliveryStep } from './DeliveryStep.tsx';
import { NO_PAYMENT, PaymentStep, type PaymentChoice } from './PaymentStep.tsx';
import { Totals } from './Totals.tsx';
import { useProblem } from './useProblem.ts';
import './cart.css';

/** Checkout: address, delivery, payment, review, then one order per attempt and its live status page. */
export function CheckoutPage() {
  const { t } = useTranslation('cart');
  useDocumentTitle(t('checkout.title'));
  const cart = useCart();
  if (cart.isPending) return <PageLoader />;
  return (
    <div className="container page ct-page">
      <header className="ct-head">
        <h1>{t('checkout.title')}</h1>
        <Link to="/cart" className="ct-back">
          {t('checkout.backToCart')}
        </Link>
      </header>
      {cart.isError ? (
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
          {t('checkout.emptyText')}
        </EmptyState>
      ) : (
        <CheckoutForm cart={cart.data} />
      )}
    </div>
  );
}

type CardErrors = Partial<Record<'number' | 'expiry' | 'cvc', string>>;

function CheckoutForm({ cart }: { cart: Cart }) {
  const { t } = useTranslation('cart');
  const problem = useProblem();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [addressId, setAddressId] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<DeliveryOption | null>(null);
  const [payment, setPayment] = useState<PaymentChoice>(NO_PAYMENT);
  const [cardErrors, setCardErrors] = useState<CardErrors>({});
  // One key per attempt, kept across retries of the same choices (see attempt.ts); the new card's
  // token belongs to its attempt, so a retry never tokenises twice.
  const attempt = useRef<(Attempt & { token?: string }) | null>(null);
  const sending = useRef(false);
  const onDelivery = useCallback((option: DeliveryOption | null) => setDelivery(option), []);

  const place = useMutation({
    mutationFn: async () => {
      if (!addressId) throw new Error('no address');
      const fingerprint = JSON.stringify([addressId, delivery?.id, payment]);
      const current: Attempt & { token?: string } = attemptFor(attempt.current, fingerprint, () =>
        crypto.randomUUID(),
      );
      attempt.current = current;
      let token: string | undefined;
      if (payment.method === 'saved_card') token = payment.savedId ?? undefined;
      if (payment.method === 'card') {
        const expiry = parseExpiry(payment.card.expiry, new Date());
        current.token ??= (
          await paymentApi.tokenise({
            number: payment.card.number.replace(/\D/g, ''),
            expMonth: expiry?.month ?? 0,
            expYear: expiry?.year ?? 0,
            cvc: payment.card.cvc,
          })
        ).token;
        token = current.token;
      }
      const body: CheckoutRequest = {
        shippingAddressId: addressId,
        ...(delivery ? { deliveryOptionId: delivery.id } : {}),
        payment: { method: payment.method, ...(token ? { token } : {}) },
      };
      return cartCommands.checkout(body, current.key);
    },
    onSuccess: async ({ order }) => {
      attempt.current = null;
      await client.invalidateQueries({ queryKey: ['cart'] });
      void navigate(`/orders/${order.id}?placed=1`);
    },
    onError: (error) => {
      // A refusal ends the attempt; a lost answer keeps its key so "Try again" cannot order twice.
      if (!(error instanceof ApiError) || !keepsAttempt(error.status)) attempt.current = null;
    },
    onSettled: () => {
      sending.current = false;
    },
  });

  const submit = () => {
    if (sending.current || place.isPending) return; // a double click sends once
    if (payment.method === 'card') {
      const wrong = cardProblems(payment.card, new Date());
      setCardErrors(Object.fromEntries(wrong.map((field) => [field, t(`payment.errors.${field}`)])));
      if (wrong.length > 0) return;
    }
    sending.current = true;
    place.mutate();
  };

  const ready = addressId !== null && delivery !== null && cart.allAvailable;
  const deliveryFee =
    cart.freeShipping && delivery ? { ...delivery.fee, amount: 0 } : (delivery?.fee ?? null);
  const feeAmount = deliveryFee?.amount ?? 0;
  const totals = {
    ...cart,
    deliveryFee,
    payable: { ...cart.payable, amount: cart.payable.amount + feeAmount },
  };
  return (
    <div className="ct-layout co-layout">
      <div className="co-steps">
        <Step n={1} title={t('checkout.address')}>
          <AddressStep value={addressId} onChange={setAddressId} />
        </Step>
        <Step n={2} title={t('checkout.delivery')}>
          <DeliveryStep addressId={addressId} value={delivery} onChange={onDelivery} />
        </Step>
        <Step n={3} title={t('checkout.payment')}>
          <PaymentStep value={payment} onChange={setPayment} payable={totals.payable} errors={cardErrors} />
        </Step>
      </div>
      <aside className="ct-card ct-summary co-review" aria-label={t('checkout.review')}>
        <h2 className="ct-summary__title">
          <span className="co-step__n" aria-hidden="true">
            4
          </span>
          {t('checkout.review')}
        </h2>
        <ul className="ct-lines mc-lines">
          {cart.items.map((item) => (
            <CartLine key={item.id} item={item} busy={false} compact />
          ))}
        </ul>
        {cart.giftCards.some((card) => card.usable) && (
          <p className="ct-muted">{t('checkout.giftCardApplied')}</p>
        )}
        <Totals totals={totals} itemCount={cart.itemCount} />
        {place.isError && (
          <div className="form-alert" role="alert" data-testid="checkout-error">
            <div>
              {problem(place.error)}
              {place.error instanceof ApiError && keepsAttempt(place.error.status) && (
                <p className="ct-muted">{t('checkout.retrySafe')}</p>
              )}
            </div>
          </div>
        )}
        <button
          type="button"
          className="btn btn--primary btn--full btn--large co-place"
          disabled={!ready || place.isPending || place.isSuccess}
          aria-busy={place.isPending}
          onClick={submit}
          data-testid="place-order"
        >
          {place.isPending || place.isSuccess ? (
            <>
              <span className="spinner co-spinner" aria-hidden="true" />
              {t('checkout.placing')}
            </>
          ) : place.isError ? (
            t('checkout.tryAgain')
          ) : (
            t('checkout.place')
          )}
        </button>
        <p className="ct-muted ct-center">{t('checkout.terms')}</p>
      </aside>
    </div>
  );
}

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <section className="ct-card co-step" aria-labelledby={`co-step-${n}`}>
      <h2 id={`co-step-${n}`} className="co-step__title">
        <span className="co-step__n" aria-hidden="true">
          {n}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}
