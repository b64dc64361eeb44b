import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { stockCommands, stockQueries, type DepotStockRow, type Receipt } from './api.ts';
import { ListSkeleton } from './Shell.tsx';

/** Receiving: announce a delivery for a SKU, then count it in when it arrives. */
export function ReceivingPage() {
  const { t } = useTranslation('warehouse');
  useDocumentTitle(t('receiving.title'));
  const receipts = useQuery(stockQueries.receipts());
  return (
    <section aria-labelledby="receiving-title">
      <h1 id="receiving-title" className="wh-title">
        {t('receiving.title')}
      </h1>
      <AnnounceForm />
      <h2 className="wh-subtitle">{t('receiving.list')}</h2>
      {receipts.isPending ? (
        <ListSkeleton rows={2} />
      ) : receipts.error ? (
        <ErrorState
          title={t('common.loadError')}
          error={receipts.error}
          onRetry={() => void receipts.refetch()}
        />
      ) : receipts.data.length === 0 ? (
        <EmptyState icon="truck" title={t('receiving.empty')} />
      ) : (
        <ul className="wh-list">
          {receipts.data.map((receipt) => (
            <ReceiptCard key={receipt.id} receipt={receipt} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AnnounceForm() {
  const { t } = useTranslation('warehouse');
  const client = useQueryClient();
  const toast = useToast();
  const [q, setQ] = useState('');
  const search = useDeferredValue(q.trim());
  const [chosen, setChosen] = useState<DepotStockRow | null>(null);
  const [expected, setExpected] = useState('');
  const [note, setNote] = useState('');
  const found = useQuery({ ...stockQueries.depotStock(search), enabled: search.length >= 2 && !chosen });
  const announce = useMutation({
    mutationFn: () =>
      stockCommands.announce({
        variantId: chosen?.variantId ?? '',
        expected: Number(expected),
        ...(note ? { note } : {}),
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['stock', 'receipts'] });
      toast.ok(t('receiving.announced'));
      setChosen(null);
      setQ('');
      setExpected('');
      setNote('');
    },
    onError: (error) => toast.error(error),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) announce.mutate();
  };
  return (
    <form className="card wh-form wh-card" onSubmit={onSubmit} aria-labelledby="announce-title">
      <h2 id="announce-title" className="wh-subtitle">
        {t('receiving.announce')}
      </h2>
      {chosen ? (
        <p className="wh-card__row">
          <span>{t('receiving.chosen', { sku: chosen.sku })}</span>
          <button type="button" className="btn btn--ghost" onClick={() => setChosen(null)}>
            {t('common.cancel')}
          </button>
        </p>
      ) : (
        <>
          <TextField
            label={t('receiving.search')}
            placeholder={t('receiving.searchPlaceholder')}
            value={q}
            onChange={(event) => setQ(event.target.value)}
            type="search"
          />
          {found.data && found.data.length === 0 && <p className="wh-muted">{t('receiving.noResults')}</p>}
          {found.data && found.data.length > 0 && (
            <ul className="wh-picker">
              {found.data.slice(0, 8).map((row) => (
                <li key={row.variantId}>
                  <button
                    type="button"
                    className="btn btn--block-start btn--secondary"
                    onClick={() => setChosen(row)}
                  >
                    <span className="wh-sku">{row.sku}</span> {row.title}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <TextField
        label={t('receiving.expected')}
        type="number"
        inputMode="numeric"
        min={1}
        required
        value={expected}
        onChange={(event) => setExpected(event.target.value)}
      />
      <TextField
        label={t('receiving.note')}
        value={note}
        maxLength={200}
        onChange={(event) => setNote(event.target.value)}
        optional
      />
      <button type="submit" className="btn btn--primary" disabled={!chosen || announce.isPending}>
        {t('receiving.submit')}
      </button>
    </form>
  );
}

function ReceiptCard({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation('warehouse');
  const client = useQueryClient();
  const toast = useToast();
  const [count, setCount] = useState(String(receipt.expected));
  const receive = useMutation({
    mutationFn: () => stockCommands.receive(receipt.id, Number(count)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['stock', 'receipts'] });
      toast.ok(t('receiving.receivedToast'));
    },
    onError: (error) => toast.error(error),
  });
  return (
    <li className="card wh-card">
      <div className="wh-card__row">
        <strong className="wh-sku">{receipt.sku}</strong>
        <span className="wh-muted">
          {receipt.status === 'received'
            ? t('receiving.receivedDone', { count: receipt.received ?? 0 })
            : t('receiving.awaiting', { count: receipt.expected })}
        </span>
      </div>
      <p>{receipt.title}</p>
      {receipt.note && <p className="wh-muted">{receipt.note}</p>}
      {receipt.status === 'expected' && (
        <form
          className="wh-scan__row"
          onSubmit={(event) => {
            event.preventDefault();
            receive.mutate();
          }}
        >
          <TextField
            label={t('receiving.received')}
            type="number"
            inputMode="numeric"
            min={0}
            required
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
          <button type="submit" className="btn btn--primary" disabled={receive.isPending}>
            {t('receiving.receive')}
          </button>
        </form>
      )}
    </li>
  );
}
