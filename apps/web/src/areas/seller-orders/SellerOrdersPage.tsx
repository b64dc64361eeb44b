import type { SellerOrderStatus } from '@sauda/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { StatusFilter } from '../orders/filters.tsx';
import { ListSkeleton } from '../orders/OrdersPage.tsx';
import { StatusChip, useDateTime } from '../orders/parts.tsx';
import { SELLER_PER_PAGE, sellerQueries } from './api.ts';

const FILTERS: ReadonlyArray<SellerOrderStatus | ''> = [
  'confirmed',
  'packed',
  'shipped',
  'out_for_delivery',
  'delivered',
  'cancelled',
  '',
];

/** The seller's orders: what to prepare first (confirmed), filters by status, each with its lines count and total. */
export function SellerOrdersPage() {
  const { t } = useTranslation('seller-orders');
  useDocumentTitle(t('list.title'));
  const { money } = useLocale();
  const when = useDateTime();
  const [status, setStatus] = useState<SellerOrderStatus | ''>('confirmed');
  const [page, setPage] = useState(1);
  const list = useQuery({ ...sellerQueries.list(status, page), placeholderData: keepPreviousData });
  return (
    <div className="od-page">
      <header className="od-head">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="od-muted">{t('list.subtitle')}</p>
        </div>
        <Link to="/seller/returns" className="btn btn--secondary">
          {t('returns.title')}
        </Link>
      </header>
      <StatusFilter
        statuses={FILTERS}
        value={status}
        onChange={(next) => {
          setStatus(next);
          setPage(1);
        }}
      />
      {list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <ErrorState title={t('list.loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('list.empty')}>{t('list.emptyText')}</EmptyState>
      ) : (
        <>
          <ul className="od-rows" data-testid="seller-order-list">
            {list.data.items.map((order) => (
              <li key={order.id}>
                <Link
                  to={`/seller/orders/${order.id}`}
                  className="od-card od-row"
                  data-testid="seller-order-row"
                >
                  <span className="od-row__main">
                    <strong className="od-mono">{order.orderNumber}</strong>
                    <span className="od-muted">
                      {when(order.createdAt)} · {t('list.lines', { count: order.lineIds.length })}
                      {order.parcels.length > 0 && ` · ${t('list.parcels', { count: order.parcels.length })}`}
                    </span>
                  </span>
                  <StatusChip status={order.status} />
                  <strong className="od-row__total">{money(order.total)}</strong>
                </Link>
              </li>
            ))}
          </ul>
          <Pager page={page} total={list.data.total} perPage={SELLER_PER_PAGE} onPage={setPage} />
        </>
      )}
    </div>
  );
}
