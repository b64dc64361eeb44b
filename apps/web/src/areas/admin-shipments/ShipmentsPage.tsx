import type { ShipmentStatus } from '@sauda/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { StatusBadge } from '../tracking/parts.tsx';
import { PAGE_SIZE, shipmentQueries, type ShipmentFilters } from './api.ts';

const STATUSES: ShipmentStatus[] = [
  'label_created',
  'accepted',
  'in_transit',
  'out_for_delivery',
  'delivery_failed',
  'available_for_pickup',
  'delivered',
  'exception',
  'return_initiated',
  'return_in_transit',
  'returned_to_sender',
  'cancelled',
  'lost',
];
const TOGGLES = ['late', 'exceptions', 'returns'] as const;

/** `/admin/shipments`: every shipment, filtered by status, lateness, exceptions and returns; searchable. */
export function ShipmentsPage() {
  const { t } = useTranslation('admin-shipments');
  const { t: tt } = useTranslation('tracking');
  const { date } = useLocale();
  useDocumentTitle(t('list.title'));
  const [params, setParams] = useSearchParams();
  const filters: ShipmentFilters = {
    status: params.get('status') ?? '',
    late: params.get('late') === 'true',
    exceptions: params.get('exceptions') === 'true',
    returns: params.get('returns') === 'true',
    q: params.get('q') ?? '',
    page: Math.max(1, Number(params.get('page') ?? 1) || 1),
  };
  const [q, setQ] = useState(filters.q);
  const list = useQuery(shipmentQueries.list(filters));
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries({ page: null, ...changes })) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: q.trim() || null });
  };
  return (
    <section className="shp-page" aria-labelledby="shp-title">
      <h1 id="shp-title" className="trk-title">
        {t('list.title')}
      </h1>
      <div className="shp-filters">
        <form className="shp-search" role="search" onSubmit={onSearch}>
          <input
            className="input"
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            value={q}
            onChange={(event) => setQ(event.target.value)}
          />
          <button type="submit" className="btn btn--secondary">
            {t('list.searchSubmit')}
          </button>
        </form>
        <div className="select-wrap shp-status">
          <select
            className="select"
            aria-label={t('list.status')}
            value={filters.status}
            onChange={(event) => update({ status: event.target.value || null })}
          >
            <option value="">{t('list.anyStatus')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {tt(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="shp-toggles">
          {TOGGLES.map((key) => (
            <button
              key={key}
              type="button"
              className={`shp-toggle ${filters[key] ? 'shp-toggle--on' : ''}`}
              aria-pressed={filters[key]}
              onClick={() => update({ [key]: filters[key] ? null : 'true' })}
            >
              {t(`list.${key}`)}
            </button>
          ))}
        </div>
      </div>
      {list.isPending ? (
        <div className="shp-list" aria-hidden="true">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="trk-card">
              <span className="skeleton skeleton--title" style={{ width: '35%' }} />
              <span className="skeleton skeleton--text" style={{ width: '60%' }} />
            </div>
          ))}
        </div>
      ) : list.error ? (
        <ErrorState title={t('common.loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon="box" title={t('list.empty')} />
      ) : (
        <>
          <p className="trk-muted">{t('list.total', { count: list.data.total })}</p>
          <ul className="shp-list" aria-busy={list.isFetching}>
            {list.data.items.map((item) => (
              <li key={item.id}>
                <Link to={`/admin/shipments/${item.id}`} className="shp-row">
                  <span className="shp-row__main">
                    <span className="trk-mono shp-row__number">{item.trackingNumber}</span>
                    <span className="trk-muted">
                      {tt(`kind.${item.kind}`)} · {item.orderNumber ?? item.orderId.slice(0, 8)} · {item.city}
                      {item.carrier ? ` · ${item.carrier === 'kazpost' ? 'KazPost' : item.carrier}` : ''}
                    </span>
                  </span>
                  <span className="shp-row__side">
                    <StatusBadge status={item.status} />
                    <span className={`shp-row__due ${item.late ? 'shp-row__due--late' : ''}`}>
                      {t('list.promised', { date: date(item.promisedDate) })}
                      {item.late && ` · ${t('list.late')}`}
                    </span>
                    {item.attempts > 0 && (
                      <span className="trk-muted">{t('list.attempts', { count: item.attempts })}</span>
                    )}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <Pager
            page={filters.page}
            total={list.data.total}
            perPage={PAGE_SIZE}
            onPage={(page) => update({ page: String(page) })}
          />
        </>
      )}
    </section>
  );
}
