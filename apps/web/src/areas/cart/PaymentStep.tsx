import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { cardsQuery } from '../account/api.ts';
import { paymentApi } from '../payment/api.ts';

/** What the customer chose to pay with; a new card's fields stay in this page until tokenised. */
export interface PaymentChoice {
  method: 'card' | 'saved_card' | 'wallet' | 'cod';
  savedId: string | null;
  card: { number: string; expiry: string; cvc: string };
}

export const NO_PAYMENT: PaymentChoice = {
  method: 'card',
  savedId: null,
  card: { number: '', expiry: '', cvc: '' },
};

/** Step 3: a saved card, a new card, the wallet, or cash on delivery (a gift card is already on the cart). */
export function PaymentStep({
  value,
  onChange,
  payable,
  errors,
}: {
  value: PaymentChoice;
  onChange: (choice: PaymentChoice) => void;
  payable: { amount: number; currency: string };
  errors: Partial<Record<'number' | 'expiry' | 'cvc', string>>;
}) {
  const { t } = useTranslation('cart');
  const { money } = useLocale();
  const cards = useQuery(cardsQuery);
  const wallet = useQuery({ queryKey: ['payment', 'wallet'], queryFn: paymentApi.wallet });
  const saved = cards.data ?? [];
  const walletShort = wallet.data !== undefined && wallet.data.balance.amount < payable.amount;
  const preferred = saved.find((card) => card.isDefault) ?? saved[0];
  const chosen = useRef(false);
  useEffect(() => {
    // A customer with a saved card starts with it; nothing is picked for them once they chose.
    if (preferred && !chosen.current && value.method === 'card')
      onChange({ ...value, method: 'saved_card', savedId: preferred.id });
  }, [preferred, value, onChange]);
  const pick = (method: PaymentChoice['method'], savedId: string | null = null) => {
    chosen.current = true;
    onChange({ ...value, method, savedId });
  };
  const setCard = (field: keyof PaymentChoice['card']) => (text: string) => {
    chosen.current = true;
    onChange({ ...value, card: { ...value.card, [field]: text } });
  };
  return (
    <div className="co-options" role="radiogroup" aria-label={t('checkout.payment')}>
      {saved.map((card) => (
        <label key={card.id} className="co-option" data-testid="saved-card-option">
          <input
            type="radio"
            name="payment"
            checked={value.method === 'saved_card' && value.savedId === card.id}
            onChange={() => pick('saved_card', card.id)}
          />
          <span className="co-option__text">
            <strong>
              {card.brand.toUpperCase()} •••• {card.last4}
            </strong>
            <span className="ct-muted">
              {t('payment.expires', { month: String(card.expMonth).padStart(2, '0'), year: card.expYear })}
            </span>
          </span>
        </label>
      ))}
      <div className={`co-option co-option--open${value.method === 'card' ? ' co-option--chosen' : ''}`}>
        <label className="co-option__line" data-testid="new-card-option">
          <input
            type="radio"
            name="payment"
            checked={value.method === 'card'}
            onChange={() => pick('card')}
          />
          <span className="co-option__text">
            <strong>{t('payment.newCard')}</strong>
            <span className="ct-muted">{t('payment.newCardText')}</span>
          </span>
        </label>
        {value.method === 'card' && (
          <div className="co-card" data-testid="new-card-form">
            <TextField
              label={t('payment.number')}
              name="cardNumber"
              inputMode="numeric"
              autoComplete="cc-number"
              maxLength={23}
              value={value.card.number}
              error={errors.number}
              onChange={(e) => setCard('number')(e.target.value.replace(/[^\d ]/g, ''))}
            />
            <div className="co-card__row">
              <TextField
                label={t('payment.expiry')}
                name="cardExpiry"
                placeholder="MM/YY"
                autoComplete="cc-exp"
                maxLength={7}
                value={value.card.expiry}
                error={errors.expiry}
                onChange={(e) => setCard('expiry')(e.target.value)}
              />
              <TextField
                label={t('payment.cvc')}
                name="cardCvc"
                inputMode="numeric"
                autoComplete="cc-csc"
                maxLength={4}
                value={value.card.cvc}
                error={errors.cvc}
                onChange={(e) => setCard('cvc')(e.target.value.replace(/\D/g, ''))}
              />
            </div>
            <p className="ct-muted">{t('payment.safety')}</p>
          </div>
        )}
      </div>
      <label className={`co-option${walletShort ? ' co-option--off' : ''}`} data-testid="wallet-option">
        <input
          type="radio"
          name="payment"
          disabled={walletShort}
          checked={value.method === 'wallet'}
          onChange={() => pick('wallet')}
        />
        <span className="co-option__text">
          <strong>{t('payment.wallet')}</strong>
          <span className="ct-muted">
            {wallet.data
              ? walletShort
                ? t('payment.walletShort', { balance: money(wallet.data.balance) })
                : t('payment.walletBalance', { balance: money(wallet.data.balance) })
              : t('payment.walletText')}
          </span>
        </span>
      </label>
      <label className="co-option" data-testid="cod-option">
        <input type="radio" name="payment" checked={value.method === 'cod'} onChange={() => pick('cod')} />
        <span className="co-option__text">
          <strong>{t('payment.cod')}</strong>
          <span className="ct-muted">{t('payment.codText')}</span>
        </span>
      </label>
    </div>
  );
}
