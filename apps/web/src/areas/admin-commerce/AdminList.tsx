import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import type { Page } from './api.ts';
import { Pager, TableSkeleton } from './ui.tsx';

/**
 * The frame of an admin list: a search box, then the loading, error, empty or loaded state of the
 * query, and a pager under the table the caller renders from the items.
 */
export function AdminList<T>({
  searchLabel,
  onSearch,
  list,
  empty,
  page,
  perPage,
  onPage,
  children,
}: {
  searchLabel: string;
  onSearch: (q: string) => void;
  list: UseQueryResult<Page<T>>;
  empty: { title: string; text: string };
  page: number;
  perPage: number;
  onPage: (page: number) => void;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation('admin-commerce');
  const [q, setQ] = useState('');
  const id = useId();
  return (
    <>
      <form
        className="cm-toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(q.trim());
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={id}>
            {searchLabel}
          </label>
          <input id={id} className="input" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button type="submit" className="btn btn--secondary">
          {t('common.search')}
        </button>
      </form>
      {list.isPending ? (
        <TableSkeleton />
      ) : list.isError ? (
        <ErrorState title={t('common.loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon="box" title={empty.title}>
          {empty.text}
        </EmptyState>
      ) : (
        <>
          <div className="cm-table-wrap">{children(list.data.items)}</div>
          <Pager
            page={page}
            total={list.data.total}
            perPage={perPage}
            onPage={onPage}
            labels={{
              previous: t('common.previous'),
              next: t('common.next'),
              pageOf: (p, n) => t('common.pageOf', { page: p, pages: n }),
            }}
          />
        </>
      )}
    </>
  );
}
