import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/Confirm.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { useProblemText, useToasts } from '../admin-commerce/ui.tsx';
import '../admin-commerce/commerce.css';
import { newKey, paymentApi, type IntentStatus, type PaymentIntent } from './api.ts';
import { CommissionTab, PayoutBatchesTab } from './AdminMoneyTabs.tsx';
import './payment.css';

type Tab = 'payments' | 'refunds' | 'rates' | 'batches';
const TABS: Tab[] = ['payments', 'refunds', 'rates', 'batches'];
const STATUSES: IntentStatus[] = [
  'processing',
  'requires_action',
  'authorized',
  'captured',
  'refunded',
  'voided',
  'failed',
];

/** Admin payments: payments with capture and refund, refunds, commission rates, payout batches. */
export function AdminPaymentsPage() {
  const { t } = useTranslation('payment');
  useDocumentTitle(t('admin.title'));
  const [tab, setTab] = useState<Tab>('payments');
  const [toasts, toast] = useToasts();
  const [dialog, confirm] = useConfirm({ className: 'cm-dialog' });
  return (
    <div className="container page cm-page">
      <header className="cm-head">
        <h1>{t('admin.title')}</h1>
      </header>
      <Tabs
        tabs={TABS.map((name) => ({ value: name, label: t(`admin.tabs.${name}`) }))}
        value={tab}
        onChange={setTab}
        label={t('admin.title')}
      />
      <div role="tabpanel">
        {tab === 'payments' && <PaymentsTab toast={toast} confirm={confirm} />}
        {tab === 'refunds' && <RefundsTab />}
        {tab === 'rates' && <CommissionTab toast={toast} />}
        {tab === 'batches' && <PayoutBatchesTab toast={toast} confirm={confirm} />}
      </div>
      {dialog}
      {toasts}
    </div>
  );
}

/** What tabs receive to talk to the person. */
export interface TabProps {
  toast: (text: string, error?: boolean) => void;
  confirm: (question: string, action: () => void) => void;
}

function PaymentsTab({ toast, confirm }: TabProps) {
  const { t } = useTranslation('payment');
  const { money, date } = useLocale();
  const problem = useProblemText();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<IntentStatus | ''>('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['payment', 'admin', 'payments', status, page],
    queryFn: () => paymentApi.payments(status, page),
    placeholderData: keepPreviousData,
  });
  const done = (text: string) => {
    toast(text);
    void queryClient.invalidateQueries({ queryKey: ['payment', 'admin'] });
  };
  const refund = useMutation({
    mutationFn: (p: PaymentIntent) =>
      paymentApi.refund(
        p.id,
        { destination: p.method === 'wallet' || p.method === 'cod' ? 'wallet' : 'original' },
        newKey(),
      ),
    onSuccess: () => done(t('admin.refunded')),
    onError: (error) => toast(problem(error), true),
  });
  const capture = useMutation({
    mutationFn: (p: PaymentIntent) => paymentApi.capture(p.id, newKey()),
    onSuccess: () => done(t('admin.captured')),
    onError: (error) => toast(problem(error), true),
  });
  return (
    <>
      <label className="pay-inline-form">
        {t('admin.filter')}
        <select
          className="input"
          value={status}
          onChange={(e) => (setPage(1), setStatus(e.target.value as IntentStatus | ''))}
        >
          <option value="">{t('admin.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {list.isPending ? (
        <SkeletonRows />
      ) : list.isError ? (
        <ErrorState title={t('common.loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon="box" title={t('admin.noPayments')} />
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="admin-payments">
              <thead>
                <tr>
                  <th scope="col">{t('common.date')}</th>
                  <th scope="col">{t('admin.method')}</th>
                  <th scope="col">{t('common.status')}</th>
                  <th scope="col" className="pay-num">
                    {t('common.amount')}
                  </th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => {
                  const refundable = {
                    amount: p.amountCaptured - p.amountRefunded,
                    currency: p.amount.currency,
                  };
                  return (
                    <tr key={p.id}>
                      <td>{date(p.createdAt)}</td>
                      <td>{p.card ? `${p.card.brand} •••• ${p.card.last4}` : p.method}</td>
                      <td>
                        <span
                          className={`cm-badge${p.status === 'failed' || p.status === 'voided' ? ' cm-badge--off' : ' cm-badge--ok'}`}
                        >
                          {t(`statuses.${p.status}`)}
                        </span>
                        {p.failureCode && <div className="cm-muted">{p.failureCode}</div>}
                      </td>
                      <td className="pay-num">{money(p.amount)}</td>
                      <td className="cm-row-actions">
                        {p.status === 'authorized' && p.method !== 'cod' && (
                          <button
                            type="button"
                            className="btn btn--secondary"
                            disabled={capture.isPending}
                            onClick={() => capture.mutate(p)}
                          >
                            {t('admin.capture')}
                          </button>
                        )}
                        {p.status === 'captured' && refundable.amount > 0 && (
                          <button
                            type="button"
                            className="btn btn--secondary"
                            disabled={refund.isPending}
                            onClick={() =>
                              confirm(t('admin.confirmRefund', { amount: money(refundable) }), () =>
                                refund.mutate(p),
                              )
                            }
                          >
                            {t('admin.refund')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager page={page} total={list.data.total} perPage={20} onPage={setPage} />
        </>
      )}
    </>
  );
}

function RefundsTab() {
  const { t } = useTranslation('payment');
  const { money, date } = useLocale();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['payment', 'admin', 'refunds', page],
    queryFn: () => paymentApi.refunds(page),
    placeholderData: keepPreviousData,
  });
  if (list.isPending) return <SkeletonRows />;
  if (list.isError)
    return (
      <ErrorState title={t('common.loadError')} error={list.error} onRetry={() => void list.refetch()} />
    );
  if (list.data.items.length === 0) return <EmptyState icon="box" title={t('admin.noRefunds')} />;
  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('common.date')}</th>
              <th scope="col">{t('admin.refundTo')}</th>
              <th scope="col">{t('admin.reason')}</th>
              <th scope="col" className="pay-num">
                {t('common.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.id}>
                <td>{date(r.createdAt)}</td>
                <td>{r.destination === 'wallet' ? t('admin.toWallet') : t('admin.toOriginal')}</td>
                <td>{r.reason ?? '—'}</td>
                <td className="pay-num">{money(r.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} total={list.data.total} perPage={20} onPage={setPage} />
    </>
  );
}
