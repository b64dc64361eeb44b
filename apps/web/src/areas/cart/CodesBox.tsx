import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/useLocale.ts';
import { useProblem } from './useProblem.ts';
import { cartCommands, useCartCommand, type Cart } from './api.ts';
import en from './messages/en.json';

type Reason = keyof typeof en.reasons;
const isReason = (code: string): code is Reason => Object.hasOwn(en.reasons, code);

/** Promo codes and gift cards: entry forms and each code's outcome (applied, or why not), removable. */
export function CodesBox({ cart }: { cart: Cart }) {
  const { t } = useTranslation('cart');
  const { money } = useLocale();
  const addPromo = useCartCommand(cartCommands.addPromo);
  const removePromo = useCartCommand(cartCommands.removePromo);
  const addGift = useCartCommand(cartCommands.addGiftCard);
  const removeGift = useCartCommand(cartCommands.removeGiftCard);
  const reason = (code: string | null) => t(`reasons.${code && isReason(code) ? code : 'other'}`);
  return (
    <div className="ct-codes">
      <CodeForm
        label={t('codes.promo')}
        submitLabel={t('codes.apply')}
        pending={addPromo.isPending}
        error={addPromo.error}
        onSubmit={(code) => addPromo.mutateAsync(code)}
        listed={(answer, code) => answer.promoCodes.some((promo) => promo.code === code.toUpperCase())}
        testId="promo-form"
      />
      {cart.promoCodes.length > 0 && (
        <ul className="ct-code-list" data-testid="promo-codes">
          {cart.promoCodes.map((promo) => (
            <li key={promo.code} className={`ct-code${promo.applied ? '' : ' ct-code--off'}`}>
              <span>
                <strong className="ct-mono">{promo.code}</strong>
                <span className="ct-muted">
                  {promo.applied ? t('codes.saves', { amount: money(promo.discount) }) : reason(promo.reason)}
                </span>
              </span>
              <button
                type="button"
                className="ct-code__remove"
                aria-label={t('codes.remove', { code: promo.code })}
                disabled={removePromo.isPending}
                onClick={() => removePromo.mutate(promo.code)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <CodeForm
        label={t('codes.giftCard')}
        submitLabel={t('codes.apply')}
        pending={addGift.isPending}
        error={addGift.error}
        onSubmit={(code) => addGift.mutateAsync(code)}
        listed={(answer, code) => answer.giftCards.some((card) => card.code === code.toUpperCase())}
        testId="gift-card-form"
      />
      {cart.giftCards.length > 0 && (
        <ul className="ct-code-list" data-testid="gift-cards">
          {cart.giftCards.map((card) => (
            <li key={card.code} className={`ct-code${card.usable ? '' : ' ct-code--off'}`}>
              <span>
                <strong className="ct-mono">{card.code}</strong>
                <span className="ct-muted">
                  {card.usable
                    ? t('codes.covers', {
                        amount: money(card.amount),
                        balance: card.balance ? money(card.balance) : '—',
                      })
                    : reason(card.reason)}
                </span>
              </span>
              <button
                type="button"
                className="ct-code__remove"
                aria-label={t('codes.remove', { code: card.code })}
                disabled={removeGift.isPending}
                onClick={() => removeGift.mutate(card.code)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CodeForm({
  label,
  submitLabel,
  pending,
  error,
  onSubmit,
  listed,
  testId,
}: {
  label: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (code: string) => Promise<Cart>;
  listed: (cart: Cart, code: string) => boolean;
  testId: string;
}) {
  const { t } = useTranslation('cart');
  const id = useId();
  const problem = useProblem();
  const [value, setValue] = useState('');
  const [dropped, setDropped] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = value.trim();
    if (code.length < 3) return;
    setDropped(false);
    // A failed code stays in the box so the customer can correct it; the error shows under it. A code
    // the answer does not list was not kept by the cart: say so rather than nothing.
    onSubmit(code).then(
      (answer) => {
        if (listed(answer, code)) setValue('');
        else setDropped(true);
      },
      () => undefined,
    );
  };
  return (
    <form className="ct-code-form" onSubmit={submit} data-testid={testId}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="ct-code-form__row">
        <input
          id={id}
          className="input ct-mono"
          value={value}
          maxLength={40}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setDropped(false);
            setValue(e.target.value.replace(/[^A-Za-z0-9-]/g, ''));
          }}
        />
        <button type="submit" className="btn btn--secondary" disabled={pending || value.trim().length < 3}>
          {submitLabel}
        </button>
      </div>
      {(Boolean(error) || dropped) && (
        <p className="field__error" role="alert">
          {error ? problem(error) : t('reasons.other')}
        </p>
      )}
    </form>
  );
}
