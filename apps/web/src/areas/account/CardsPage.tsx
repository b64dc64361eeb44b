import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ConfirmButton } from '../../components/Confirm.tsx';
import { FormAlert, TextField } from '../../components/Field.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { cardsQuery, keys, type PaymentMethod } from './api.ts';
import { describeError } from './describeError.ts';
import { FormSkeleton } from './ProfilePage.tsx';

/** Luhn's check: catches a mistyped digit before the card leaves the browser. */
export function luhnValid(digits: string): boolean {
  if (!/^[0-9]{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Saved cards: tokens from payment with brand, last four and expiry; the number goes to payment only. */
export function CardsPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('cards.title'));
  const toast = useToast();
  const client = useQueryClient();
  const list = useQuery(cardsQuery);
  const [adding, setAdding] = useState(false);
  const invalidate = () => client.invalidateQueries({ queryKey: keys.cards });
  const makeDefault = useMutation({
    mutationFn: (id: string) => api.post(`/me/payment-methods/${id}/default`),
    onSuccess: async () => {
      toast.ok(t('cards.defaultSet'));
      await invalidate();
    },
    onError: (error) => toast.error(error),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/me/payment-methods/${id}`),
    onSuccess: async () => {
      toast.ok(t('cards.deleted'));
      await invalidate();
    },
    onError: (error) => toast.error(error),
  });
  return (
    <section className="panel cab-wide">
      <div className="cab-head">
        <h1 className="panel__title">{t('cards.title')}</h1>
        {!adding && (
          <button type="button" className="btn btn--primary" onClick={() => setAdding(true)}>
            {t('cards.add')}
          </button>
        )}
      </div>
      {adding && (
        <CardForm
          onDone={async () => {
            setAdding(false);
            toast.ok(t('cards.added'));
            await invalidate();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {list.isPending && <FormSkeleton rows={2} />}
      {list.isError && (
        <ErrorState title={t('cards.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      )}
      {list.data?.length === 0 && !adding && (
        <EmptyState title={t('cards.empty')}>{t('cards.emptyText')}</EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="cab-cards">
          {list.data.map((card: PaymentMethod) => (
            <li key={card.id} className="cab-card" data-testid="saved-card">
              <div className="cab-card__main">
                <p className="cab-card__title">
                  {card.brand.toUpperCase()} •••• {card.last4}
                  {card.isDefault && <span className="chip cab-chip--brand">{t('cards.default')}</span>}
                </p>
                <p className="cab-muted">
                  {t('cards.expires', { month: String(card.expMonth).padStart(2, '0'), year: card.expYear })}
                </p>
              </div>
              <div className="cab-card__actions">
                {!card.isDefault && (
                  <button
                    type="button"
                    className="btn btn--ghost"
                    onClick={() => makeDefault.mutate(card.id)}
                  >
                    {t('cards.makeDefault')}
                  </button>
                )}
                <ConfirmButton
                  label={t('common.delete')}
                  question={t('cards.deleteQuestion', { last4: card.last4 })}
                  confirmLabel={t('common.delete')}
                  onConfirm={() => remove.mutate(card.id)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function CardForm({ onDone, onCancel }: { onDone: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const [v, setV] = useState({ number: '', expiry: '', cvc: '' });
  const [errors, setErrors] = useState<Partial<Record<'number' | 'expiry' | 'cvc', string>>>({});
  const save = useMutation({
    mutationFn: async () => {
      const [month = '', year = ''] = v.expiry.split('/').map((part) => part.trim());
      // The card goes to payment only; users receives the token and reads the rest from payment.
      const issued = await api.post<{ token: string }>('/payment/tokens', {
        card: {
          number: v.number.replace(/\D/g, ''),
          expMonth: Number(month),
          expYear: 2000 + Number(year.slice(-2)),
          cvc: v.cvc,
        },
      });
      return api.post<PaymentMethod>('/me/payment-methods', { token: issued.token });
    },
    onSuccess: onDone,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!luhnValid(v.number.replace(/\D/g, ''))) found.number = t('cards.errors.number');
    const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(v.expiry.trim());
    const month = Number(match?.[1]);
    const year = 2000 + Number(match?.[2]?.slice(-2));
    const now = new Date();
    if (
      !match ||
      month < 1 ||
      month > 12 ||
      year < now.getFullYear() ||
      (year === now.getFullYear() && month < now.getMonth() + 1)
    )
      found.expiry = t('cards.errors.expiry');
    if (!/^[0-9]{3,4}$/.test(v.cvc)) found.cvc = t('cards.errors.cvc');
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  }
  return (
    <form className="cab-form" onSubmit={submit} noValidate data-testid="card-form">
      {save.isError && <FormAlert>{describeError(save.error, t, tRoot)}</FormAlert>}
      <TextField
        label={t('cards.number')}
        name="number"
        inputMode="numeric"
        autoComplete="cc-number"
        value={v.number}
        error={errors.number}
        onChange={(e) => setV({ ...v, number: e.target.value })}
      />
      <div className="cab-form__row">
        <TextField
          label={t('cards.expiry')}
          name="expiry"
          placeholder="MM/YY"
          autoComplete="cc-exp"
          value={v.expiry}
          error={errors.expiry}
          onChange={(e) => setV({ ...v, expiry: e.target.value })}
        />
        <TextField
          label={t('cards.cvc')}
          name="cvc"
          inputMode="numeric"
          autoComplete="cc-csc"
          maxLength={4}
          value={v.cvc}
          error={errors.cvc}
          onChange={(e) => setV({ ...v, cvc: e.target.value })}
        />
      </div>
      <p className="cab-muted">{t('cards.safety')}</p>
      <div className="cab-actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('cards.save')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
