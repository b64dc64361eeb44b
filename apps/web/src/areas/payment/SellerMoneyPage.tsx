import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { useProblemText, useToasts } from '../admin-commerce/ui.tsx';
import '../admin-commerce/commerce.css';
import { paymentApi } from './api.ts';
import './payment.css';
import { LedgerTable } from './ui.tsx';

/** The seller's money: balance tiles, statement, payouts and the IBAN payouts go to. */
export function SellerMoneyPage() {
  const { t } = useTranslation('payment');
  useDocumentTitle(t('seller.title'));
  const { money, date } = useLocale();
  const balance = useQuery({ queryKey: ['payment', 'seller', 'balance'], queryFn: paymentApi.sellerBalance });
  const statement = useQuery({
    queryKey: ['payment', 'seller', 'statement'],
    queryFn: paymentApi.sellerStatement,
  });
  const payouts = useQuery({ queryKey: ['payment', 'seller', 'payouts'], queryFn: paymentApi.sellerPayouts });
  return (
    <div className="container page cm-page">
      <header className="cm-head">
        <div>
          <h1>{t('seller.title')}</h1>
          <p>{t('seller.subtitle')}</p>
        </div>
      </header>
      {balance.isPending ? (
        <SkeletonRows rows={2} />
      ) : balance.isError ? (
        <ErrorState
          title={t('common.loadError')}
          error={balance.error}
          onRetry={() => void balance.refetch()}
        />
      ) : (
        <section className="pay-tiles" data-testid="seller-balance" aria-label={t('seller.balance')}>
          <div className="pay-tile pay-tile--main">
            <span>{t('seller.available')}</span>
            <strong>{money(balance.data.available)}</strong>
          </div>
          <div className="pay-tile">
            <span>{t('seller.pending')}</span>
            <strong>{money(balance.data.pending)}</strong>
          </div>
          <div className="pay-tile">
            <span>{t('seller.balance')}</span>
            <strong>{money(balance.data.balance)}</strong>
          </div>
          <div className="pay-tile">
            <span>{t('seller.paidOut')}</span>
            <strong>{money(balance.data.paidOut)}</strong>
          </div>
        </section>
      )}
      <div className="pay-grid">
        <section>
          <h2 className="pay-h2">{t('seller.statement')}</h2>
          {statement.isPending ? (
            <SkeletonRows />
          ) : statement.isError ? (
            <ErrorState
              title={t('common.loadError')}
              error={statement.error}
              onRetry={() => void statement.refetch()}
            />
          ) : statement.data.items.length === 0 ? (
            <EmptyState icon="box" title={t('seller.noStatement')} />
          ) : (
            <LedgerTable lines={statement.data.items} testId="seller-statement" />
          )}
        </section>
        <aside>
          <IbanForm current={balance.data?.iban} />
          <h2 className="pay-h2">{t('seller.payouts')}</h2>
          {payouts.isPending ? (
            <SkeletonRows rows={2} />
          ) : payouts.isError ? (
            <ErrorState
              title={t('common.loadError')}
              error={payouts.error}
              onRetry={() => void payouts.refetch()}
            />
          ) : payouts.data.items.length === 0 ? (
            <EmptyState icon="box" title={t('seller.noPayouts')} />
          ) : (
            <ul className="cm-ledger">
              {payouts.data.items.map((p) => (
                <li key={p.id}>
                  {date(p.createdAt)} · <strong>{money(p.amount)}</strong> · {t(`statuses.${p.status}`)}
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
    </div>
  );
}

function IbanForm({ current }: { current: string | undefined }) {
  const { t } = useTranslation('payment');
  const id = useId();
  const queryClient = useQueryClient();
  const [toasts, toast] = useToasts();
  const problem = useProblemText();
  const [iban, setIban] = useState('');
  const [holder, setHolder] = useState('');
  const save = useMutation({
    mutationFn: () => paymentApi.setPayoutAccount(iban, holder),
    onSuccess: () => {
      toast(t('common.saved'));
      setIban('');
      void queryClient.invalidateQueries({ queryKey: ['payment', 'seller', 'balance'] });
    },
    onError: (error) => toast(problem(error), true),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="cm-card cm-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="pay-h2">
        {t('seller.iban')}
      </h2>
      <p className="cm-muted">{current ? t('seller.current', { iban: current }) : t('seller.none')}</p>
      <label htmlFor={`${id}-iban`}>{t('seller.ibanLabel')}</label>
      <input
        id={`${id}-iban`}
        className="input"
        required
        minLength={15}
        maxLength={42}
        value={iban}
        onChange={(e) => setIban(e.target.value)}
      />
      <label htmlFor={`${id}-holder`}>{t('seller.holder')}</label>
      <input
        id={`${id}-holder`}
        className="input"
        required
        minLength={2}
        value={holder}
        onChange={(e) => setHolder(e.target.value)}
      />
      <button type="submit" className="btn btn--primary" disabled={save.isPending}>
        {t('seller.save')}
      </button>
      {toasts}
    </form>
  );
}
