import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { useProblemText } from '../admin-commerce/ui.tsx';
import type { TabProps } from './AdminPaymentsPage.tsx';
import { paymentApi, type CommissionRate } from './api.ts';
import { LabeledInput } from './ui.tsx';

/** Commission rates: the default, per category, per seller (the seller's own wins). */
export function CommissionTab({ toast }: Pick<TabProps, 'toast'>) {
  const { t } = useTranslation('payment');
  const problem = useProblemText();
  const queryClient = useQueryClient();
  const rates = useQuery({ queryKey: ['payment', 'admin', 'rates'], queryFn: paymentApi.rates });
  const [scope, setScope] = useState<CommissionRate['scope']>('category');
  const [subject, setSubject] = useState('');
  const [percent, setPercent] = useState('10');
  const save = useMutation({
    mutationFn: () =>
      paymentApi.setRate({
        scope,
        ...(scope === 'default' ? {} : { subjectId: subject.trim() }),
        basisPoints: Math.round(Number(percent.replace(',', '.')) * 100),
      }),
    onSuccess: () => {
      toast(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['payment', 'admin', 'rates'] });
    },
    onError: (error) => toast(problem(error), true),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <>
      <form className="pay-inline-form cm-card" onSubmit={submit}>
        <label>
          {t('admin.scope')}
          <select
            className="input"
            value={scope}
            onChange={(e) => setScope(e.target.value as CommissionRate['scope'])}
          >
            {(['default', 'category', 'seller'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`admin.scopes.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {scope !== 'default' && (
          <LabeledInput
            label={t('admin.subject')}
            pattern="[0-9a-fA-F-]{36}"
            value={subject}
            onValue={setSubject}
          />
        )}
        <LabeledInput label={t('admin.percent')} inputMode="decimal" value={percent} onValue={setPercent} />
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {t('admin.saveRate')}
        </button>
      </form>
      {rates.isPending ? (
        <SkeletonRows rows={3} />
      ) : rates.isError ? (
        <ErrorState title={t('common.loadError')} error={rates.error} onRetry={() => void rates.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="commission-rates">
            <thead>
              <tr>
                <th scope="col">{t('admin.scope')}</th>
                <th scope="col">{t('admin.subject')}</th>
                <th scope="col" className="pay-num">
                  {t('admin.percent')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rates.data.items.map((r) => (
                <tr key={`${r.scope}-${r.subjectId ?? ''}`}>
                  <td>{t(`admin.scopes.${r.scope}`)}</td>
                  <td>
                    <code className="cm-code">{r.subjectId ?? '—'}</code>
                  </td>
                  <td className="pay-num">{(r.basisPoints / 100).toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Payout batches: create one for everything due, download its bank file, mark it paid. */
export function PayoutBatchesTab({ toast, confirm }: TabProps) {
  const { t } = useTranslation('payment');
  const { money, date } = useLocale();
  const problem = useProblemText();
  const queryClient = useQueryClient();
  const batches = useQuery({ queryKey: ['payment', 'admin', 'batches'], queryFn: paymentApi.batches });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['payment', 'admin', 'batches'] });
  const create = useMutation({
    mutationFn: paymentApi.createBatch,
    onSuccess: (batch) => (toast(t('admin.batchCreated', { count: batch.payouts })), refresh()),
    onError: (error) => toast(problem(error), true),
  });
  const paid = useMutation({
    mutationFn: paymentApi.markPaid,
    onSuccess: () => (toast(t('common.saved')), refresh()),
    onError: (error) => toast(problem(error), true),
  });
  return (
    <>
      <div className="pay-actions" style={{ marginBottom: 16 }}>
        <button
          type="button"
          className="btn btn--primary"
          disabled={create.isPending}
          onClick={() => confirm(t('admin.confirmBatch'), () => create.mutate())}
        >
          {t('admin.createBatch')}
        </button>
      </div>
      {batches.isPending ? (
        <SkeletonRows rows={3} />
      ) : batches.isError ? (
        <ErrorState
          title={t('common.loadError')}
          error={batches.error}
          onRetry={() => void batches.refetch()}
        />
      ) : batches.data.items.length === 0 ? (
        <EmptyState icon="box" title={t('admin.noBatches')} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="payout-batches">
            <thead>
              <tr>
                <th scope="col">{t('admin.period')}</th>
                <th scope="col">{t('admin.payoutsCount')}</th>
                <th scope="col" className="pay-num">
                  {t('admin.total')}
                </th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {batches.data.items.map((b) => (
                <tr key={b.id}>
                  <td>{date(b.periodEnd)}</td>
                  <td>{b.payouts}</td>
                  <td className="pay-num">{money(b.total)}</td>
                  <td>{t(`statuses.${b.status}`)}</td>
                  <td className="cm-row-actions">
                    <button
                      type="button"
                      className="btn btn--secondary"
                      onClick={() =>
                        void paymentApi
                          .downloadFile(b.id)
                          .catch((error: unknown) => toast(problem(error), true))
                      }
                    >
                      {t('admin.download')}
                    </button>
                    {b.status === 'created' && (
                      <button
                        type="button"
                        className="btn btn--secondary"
                        disabled={paid.isPending}
                        onClick={() => confirm(t('admin.confirmPaid'), () => paid.mutate(b.id))}
                      >
                        {t('admin.markPaid')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
