import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { stockCommands, stockQueries, type SellerStockItem } from './api.ts';
import { ListSkeleton } from './Shell.tsx';

/** The seller's stock: every own SKU with its quantities per depot, on-hand editing and low-stock alerts. */
export function SellerStockPage() {
  const { t } = useTranslation('warehouse');
  useDocumentTitle(t('seller.title'));
  const stock = useQuery(stockQueries.sellerStock());
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = stock.data?.filter(
    (item) => !needle || item.sku.toLowerCase().includes(needle) || item.title.toLowerCase().includes(needle),
  );
  const low = stock.data?.filter((item) => item.low).length ?? 0;
  return (
    <section aria-labelledby="seller-stock-title">
      <header className="wh-head">
        <h1 id="seller-stock-title" className="wh-title">
          {t('seller.title')}
        </h1>
        <p className="wh-muted">{t('seller.lead')}</p>
        {low > 0 && (
          <p className="wh-alert" role="status">
            {t('seller.lowCount', { count: low })}
          </p>
        )}
      </header>
      <TextField
        label={t('seller.filter')}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {stock.isPending ? (
        <ListSkeleton />
      ) : stock.error ? (
        <ErrorState title={t('common.loadError')} error={stock.error} onRetry={() => void stock.refetch()} />
      ) : stock.data.length === 0 ? (
        <EmptyState icon="box" title={t('seller.empty')}>
          {t('seller.emptyText')}
        </EmptyState>
      ) : shown?.length === 0 ? (
        <EmptyState icon="search" title={t('seller.noMatch')} />
      ) : (
        <ul className="wh-list wh-list--wide" data-testid="seller-stock">
          {shown?.map((item) => (
            <StockCard key={item.variantId} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function useSave(onSaved: string) {
  const client = useQueryClient();
  const toast = useToast();
  return {
    onSuccess: (item: SellerStockItem) => {
      client.setQueryData(stockQueries.sellerStock().queryKey, (items) =>
        items?.map((old) => (old.variantId === item.variantId ? item : old)),
      );
      toast.ok(onSaved);
    },
    onError: (error: unknown) => toast.error(error),
  };
}

function StockCard({ item }: { item: SellerStockItem }) {
  const { t } = useTranslation('warehouse');
  const [threshold, setThreshold] = useState(String(item.lowThreshold));
  const saveThreshold = useMutation({
    mutationFn: () => stockCommands.setThreshold(item.variantId, Number(threshold)),
    ...useSave(t('seller.thresholdSaved')),
  });
  const out = item.totals.available === 0;
  return (
    <li className="card wh-card" data-testid="stock-item">
      <div className="wh-card__row">
        <div>
          <strong className="wh-sku">{item.sku}</strong>
          <p>{item.title}</p>
        </div>
        <div className="wh-stat">
          <span className="wh-stat__value">{item.totals.available}</span>
          <span className="wh-muted">{t('seller.available')}</span>
          {item.low && (
            <span className={`wh-badge ${out ? 'wh-badge--cancelled' : 'wh-badge--low'}`}>
              {out ? t('seller.out') : t('seller.low')}
            </span>
          )}
        </div>
      </div>
      <table className="wh-table">
        <thead>
          <tr>
            <th scope="col">{t('seller.depot')}</th>
            <th scope="col">{t('seller.onHand')}</th>
            <th scope="col" className="hide-below-md">
              {t('seller.reserved')}
            </th>
            <th scope="col" className="hide-below-md">
              {t('seller.committed')}
            </th>
            <th scope="col" className="hide-below-md">
              {t('seller.unavailable')}
            </th>
            <th scope="col">{t('seller.available')}</th>
          </tr>
        </thead>
        <tbody>
          {item.depots.map((depot) => (
            <tr key={depot.depotId}>
              <th scope="row">{depot.depotName}</th>
              <td>
                <OnHandEditor
                  item={item}
                  depotId={depot.depotId}
                  depotName={depot.depotName}
                  value={depot.onHand}
                />
              </td>
              <td className="hide-below-md">{depot.reserved}</td>
              <td className="hide-below-md">{depot.committed}</td>
              <td className="hide-below-md">{depot.unavailable}</td>
              <td>{depot.available}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {item.depots.length === 0 && <OnHandEditor item={item} depotId={undefined} depotName="" value={0} />}
      <form
        className="wh-inline"
        onSubmit={(event) => {
          event.preventDefault();
          saveThreshold.mutate();
        }}
      >
        <TextField
          label={t('seller.threshold')}
          type="number"
          inputMode="numeric"
          min={0}
          value={threshold}
          onChange={(event) => setThreshold(event.target.value)}
        />
        <button type="submit" className="btn btn--secondary" disabled={saveThreshold.isPending}>
          {t('common.save')}
        </button>
      </form>
    </li>
  );
}

function OnHandEditor(props: {
  item: SellerStockItem;
  depotId: string | undefined;
  depotName: string;
  value: number;
}) {
  const { t } = useTranslation('warehouse');
  const id = useId();
  const [value, setValue] = useState(String(props.value));
  const save = useMutation({
    mutationFn: () => stockCommands.setStock(props.item.variantId, Number(value), props.depotId),
    ...useSave(t('seller.saved')),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="wh-inline" onSubmit={onSubmit}>
      <label htmlFor={id} className="visually-hidden">
        {t('seller.setIn', { depot: props.depotName || t('seller.depot') })}
      </label>
      <input
        id={id}
        className="input wh-number"
        type="number"
        inputMode="numeric"
        min={0}
        required
        value={value}
        onChange={(event) => setValue(event.target.value)}
        data-testid="on-hand-input"
      />
      <button
        type="submit"
        className="btn btn--secondary"
        disabled={save.isPending || Number(value) === props.value}
      >
        {t('common.save')}
      </button>
    </form>
  );
}
