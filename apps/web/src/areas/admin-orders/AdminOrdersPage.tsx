import type { OrderStatus } from '@sauda/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Pager } from '../../components/Pager.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { ListSkeleton } from '../orders/OrdersPage.tsx';
import { StatusChip, useDateTime, useStatusLabel } from '../orders/parts.tsx';
import { ADMIN_PER_PAGE, adminQueries, type AdminOrderSearch } from './api.ts';

const STATUSES: OrderStatus[] = [
  'pending',
  'awaiting_payment',
  'requires_action',
  'confirmed',
  'packed',
  'shipped',
  'out_for_delivery',
  'delivered',
  'cancelled',
  'failed',
];
const EMPTY: AdminOrderSearch = { q: '', status: '', sellerId: '', from: '', to: '', page: 1 };

/** Every order: search by number or customer email, filter by status, seller and dates. */
export function AdminOrdersPage() {
  const { t } = useTranslation('admin-orders');
  useDocumentTitle(t('list.title'));
  const { money } = useLocale();
  const when = useDateTime();
  const label = useStatusLabel();
  const id = useId();
  const [draft, setDraft] = useState<AdminOrderSearch>(EMPTY);
  const [search, setSearch] = useState<AdminOrderSearch>(EMPTY);
  const list = useQuery({ ...adminQueries.list(search), placeholderData: keepPreviousData });
  const set = (field: keyof AdminOrderSearch) => (value: string) =>
    setDraft((d) => ({ ...d, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ ...draft, page: 1 });
  };
  return (
    <div className="od-page">
      <header className="od-head">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="od-muted">{t('list.subtitle')}</p>
        </div>
        <Link to="/admin/returns" className="btn btn--secondary">
          {t('returns.title')}
        </Link>
      </header>
      <form className="od-card od-toolbar" role="search" onSubmit={submit}>
        <div className="field od-toolbar__wide">
          <label className="field__label" htmlFor={`${id}-q`}>
            {t('list.q')}
          </label>
          <input
            id={`${id}-q`}
            className="input"
            value={draft.q}
            onChange={(e) => set('q')(e.target.value)}
            placeholder="SD-7K3Q-91XM"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-status`}>
            {t('list.status')}
          </label>
          <div className="select-wrap">
            <select
              id={`${id}-status`}
              className="select"
              value={draft.status}
              onChange={(e) => set('status')(e.target.value)}
            >
              <option value="">{t('list.any')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {label(status)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-seller`}>
            {t('list.seller')}
          </label>
          <input
            id={`${id}-seller`}
            className="input"
            value={draft.sellerId}
            onChange={(e) => set('sellerId')(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-from`}>
            {t('list.from')}
          </label>
          <input
            id={`${id}-from`}
            type="date"
            className="input"
            value={draft.from}
            onChange={(e) => set('from')(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-to`}>
            {t('list.to')}
          </label>
          <input
            id={`${id}-to`}
            type="date"
            className="input"
            value={draft.to}
            onChange={(e) => set('to')(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn--primary">
          {t('list.search')}
        </button>
      </form>
      {list.isPending ? (
        <ListSkeleton />
      ) : list.isError ? (
        <ErrorState title={t('list.loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('list.empty')}>{t('list.emptyText')}</EmptyState>
      ) : (
        <>
          <p className="od-muted">{t('list.found', { count: list.data.total })}</p>
          <div className="table-wrap">
            <table className="table" data-testid="admin-orders">
              <thead>
                <tr>
                  <th scope="col">{t('list.number')}</th>
                  <th scope="col">{t('list.placed')}</th>
                  <th scope="col">{t('list.status')}</th>
                  <th scope="col" className="od-num">
                    {t('list.items')}
                  </th>
                  <th scope="col" className="od-num">
                    {t('list.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((order) => (
                  <tr key={order.id}>
                    <td className="od-nowrap">
                      <Link to={`/admin/orders/${order.id}`} className="od-mono">
                        {order.number}
                      </Link>
                    </td>
                    <td className="od-nowrap">{when(order.placedAt)}</td>
                    <td>
                      <StatusChip status={order.status} />
                    </td>
                    <td className="od-num">{order.itemCount}</td>
                    <td className="od-num">{money(order.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={search.page}
            total={list.data.total}
            perPage={ADMIN_PER_PAGE}
            onPage={(page) => setSearch((s) => ({ ...s, page }))}
          />
        </>
      )}
    </div>
  );
}
