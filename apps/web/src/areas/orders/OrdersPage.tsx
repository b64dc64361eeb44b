import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { orderQueries, PER_PAGE, type OrderStatus } from './api.ts';
import { StatusFilter } from './filters.tsx';
import { StatusChip } from './parts.tsx';

const FILTERS: ReadonlyArray<OrderStatus | ''> = [
  '',
  'confirmed',
  'shipped',
  'out_for_delivery',
  'delivered',
  'cancelled',
  'failed',
];

/** My orders: newest first, a status filter, each with number, date, status, items and total. */
export function OrdersPage() {
  const { t } = useTranslation('orders');
  useDocumentTitle(t('list.title'));
  const { money, date } = useLocale();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const status = (params.get('status') ?? '') as OrderStatus | '';
  const list = useQuery({ ...orderQueries.list(page, status), placeholderData: keepPreviousData });
  const go = (next: { page?: number; status?: string }) => {
    const search = new URLSearchParams();
    const s = next.status ?? status;
    if (s) search.set('status', s);
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    setParams(search);
  };
  return (
    <div className="od-page">
      <header className="od-head">
        <h1>{t('list.title')}</h1>
      </header>
      <StatusFilter statuses={FILTERS} value={status} onChange={(s) => go({ status: s })} />
      {list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <ErrorState title={t('list.loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          title={status ? t('list.noneWithStatus') : t('list.empty')}
          action={
            <Link to="/products" className="btn btn--primary">
              {t('list.shop')}
            </Link>
          }
        >
          {t('list.emptyText')}
        </EmptyState>
      ) : (
        <>
          <ul className="od-rows" data-testid="order-list">
            {list.data.items.map((order) => (
              <li key={order.id}>
                <Link to={`/orders/${order.id}`} className="od-card od-row" data-testid="order-row">
                  <span className="od-row__main">
                    <strong className="od-mono">{order.number}</strong>
                    <span className="od-muted">
                      {date(order.placedAt)} · {t('list.items', { count: order.itemCount })}
                      {order.sellerCount > 1 && ` · ${t('list.sellers', { count: order.sellerCount })}`}
                    </span>
                  </span>
                  <StatusChip status={order.status} />
                  <strong className="od-row__total">{money(order.total)}</strong>
                </Link>
              </li>
            ))}
          </ul>
          <Pager page={page} total={list.data.total} perPage={PER_PAGE} onPage={(p) => go({ page: p })} />
        </>
      )}
    </div>
  );
}

/** Grey rows while a list loads. */
export function ListSkeleton() {
  return (
    <ul className="od-rows" aria-hidden="true">
      {[0, 1, 2, 3].map((row) => (
        <li key={row} className="od-card od-row">
          <span className="skeleton skeleton--text" style={{ width: '40%' }} />
          <span className="skeleton skeleton--text" style={{ width: '20%' }} />
        </li>
      ))}
    </ul>
  );
}

/** Grey blocks while an order loads. */
export function DetailSkeleton() {
  return (
    <div className="od-page" aria-hidden="true">
      <span className="skeleton skeleton--title" style={{ width: '40%' }} />
      <div className="od-card">
        <span className="skeleton skeleton--text" />
        <span className="skeleton skeleton--text" style={{ width: '70%' }} />
      </div>
      <div className="od-card">
        <span className="skeleton skeleton--text" />
        <span className="skeleton skeleton--text" style={{ width: '60%' }} />
      </div>
    </div>
  );
}
