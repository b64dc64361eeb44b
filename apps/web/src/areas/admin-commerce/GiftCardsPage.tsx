import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/Confirm.tsx';
import { TextField } from '../../components/Field.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { giftCardsApi, type GiftCard } from './api.ts';
import { AdminList } from './AdminList.tsx';
import { useProblemText, useToasts } from './ui.tsx';
import './commerce.css';

/** Admin: gift cards — issue, find, read the ledger, disable. */
export function GiftCardsPage() {
  const { t } = useTranslation('admin-commerce');
  useDocumentTitle(t('giftCards.title'));
  const { money, date } = useLocale();
  const queryClient = useQueryClient();
  const problem = useProblemText();
  const [toasts, toast] = useToasts();
  const [dialog, confirm] = useConfirm({ className: 'cm-dialog' });
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin-gift-cards'] });
  const disable = useMutation({
    mutationFn: (card: GiftCard) => giftCardsApi.disable(card.id),
    onSuccess: async (card) => {
      toast(t('giftCards.disabledToast', { code: card.code }));
      await refresh();
    },
    onError: (error) => toast(problem(error), true),
  });

  return (
    <div className="container page cm-page">
      <header className="cm-head">
        <div>
          <h1>{t('giftCards.title')}</h1>
          <p>{t('giftCards.subtitle')}</p>
        </div>
      </header>
      <IssueForm
        onIssued={async (card) => {
          toast(t('giftCards.issued', { code: card.code }));
          await refresh();
        }}
      />
      <AdminList
        queryKey="admin-gift-cards"
        load={giftCardsApi.list}
        searchLabel={t('giftCards.searchLabel')}
        empty={{ title: t('giftCards.empty'), text: t('giftCards.emptyText') }}
      >
        {(items) => (
          <table className="table" data-testid="gift-card-table">
            <thead>
              <tr>
                <th scope="col">{t('giftCards.code')}</th>
                <th scope="col">{t('giftCards.balance')}</th>
                <th scope="col">{t('giftCards.initial')}</th>
                <th scope="col">{t('giftCards.status')}</th>
                <th scope="col">{t('giftCards.expiresAt')}</th>
                <th scope="col">{t('promos.columns.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((card) => (
                <tr key={card.id} data-testid="gift-card-row">
                  <td>
                    <span className="cm-code">{card.code}</span>
                    {card.note && <div className="cm-muted">{card.note}</div>}
                    {open === card.id && <Ledger id={card.id} />}
                  </td>
                  <td>{money(card.balance)}</td>
                  <td className="cm-muted">{money(card.initial)}</td>
                  <td>
                    <span
                      className={`cm-badge ${card.status === 'active' ? 'cm-badge--ok' : 'cm-badge--off'}`}
                    >
                      {t(`giftCards.${card.status}`)}
                    </span>
                  </td>
                  <td className="cm-muted">{card.expiresAt ? date(card.expiresAt) : '—'}</td>
                  <td>
                    <div className="cm-row-actions">
                      <button
                        type="button"
                        className="btn btn--secondary"
                        aria-expanded={open === card.id}
                        onClick={() => setOpen(open === card.id ? null : card.id)}
                      >
                        {t('giftCards.ledger')}
                      </button>
                      {card.status === 'active' && (
                        <button
                          type="button"
                          className="btn btn--ghost"
                          onClick={() =>
                            confirm(t('giftCards.disableConfirm', { code: card.code }), () =>
                              disable.mutate(card),
                            )
                          }
                        >
                          {t('giftCards.disable')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </AdminList>
      {dialog}
      {toasts}
    </div>
  );
}

function IssueForm({ onIssued }: { onIssued: (card: GiftCard) => Promise<void> }) {
  const { t } = useTranslation('admin-commerce');
  const problem = useProblemText();
  const [amount, setAmount] = useState('10000');
  const [code, setCode] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: () =>
      giftCardsApi.issue({
        amount: { amount: Math.round(Number(amount.replace(',', '.')) * 100), currency: 'KZT' },
        ...(code.trim() ? { code: code.trim() } : {}),
        expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null,
        note,
      }),
    onSuccess: async (card) => {
      setCode('');
      setNote('');
      setError(null);
      await onIssued(card);
    },
    onError: (e) => setError(problem(e)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate();
  };
  return (
    <form className="cm-form cm-card" onSubmit={submit} data-testid="issue-gift-card">
      <h2 className="cm-form__wide">{t('giftCards.issue')}</h2>
      <TextField
        label={t('giftCards.amount')}
        type="number"
        min={1}
        step="0.01"
        required
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <TextField
        label={t('giftCards.code')}
        hint={t('giftCards.codeHint')}
        optional
        pattern="[A-Za-z0-9\-]{6,40}"
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <TextField
        label={t('giftCards.expiresAt')}
        type="date"
        optional
        value={expiresAt}
        onChange={(e) => setExpiresAt(e.target.value)}
      />
      <TextField
        label={t('giftCards.note')}
        optional
        maxLength={200}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      {error && (
        <p className="form-alert cm-form__wide" role="alert">
          {error}
        </p>
      )}
      <div className="cm-form__actions">
        <button type="submit" className="btn btn--primary" disabled={issue.isPending}>
          {issue.isPending ? t('common.saving') : t('giftCards.issue')}
        </button>
      </div>
    </form>
  );
}

function Ledger({ id }: { id: string }) {
  const { t } = useTranslation('admin-commerce');
  const { money, date } = useLocale();
  const detail = useQuery({ queryKey: ['admin-gift-card', id], queryFn: () => giftCardsApi.detail(id) });
  if (detail.isPending) return <span className="skeleton skeleton--text" aria-hidden="true" />;
  if (detail.isError) return <p className="cm-muted">{t('common.loadError')}</p>;
  return (
    <ul className="cm-ledger" aria-label={t('giftCards.ledgerOf', { code: detail.data.card.code })}>
      {detail.data.ledger.map((entry) => (
        <li key={entry.id}>
          <span>
            {t(`giftCards.kind.${entry.kind}`)} · <span className="cm-muted">{date(entry.createdAt)}</span>
          </span>
          <span className={entry.amount.amount < 0 ? 'cm-amount--minus' : ''}>{money(entry.amount)}</span>
        </li>
      ))}
    </ul>
  );
}
