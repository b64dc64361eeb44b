import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../../components/Pager.tsx';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import type { Page } from './api.ts';

const PER_PAGE = 20;

/**
 * The frame of an admin list: a search box, then the loading, error, empty or loaded state of the
 * query under `queryKey` (invalidate it to reload), and a pager under the table the caller renders.
 */
export function AdminList<T>({
  queryKey,
  load,
  searchLabel,
  empty,
  children,
}: {
  queryKey: string;
  load: (q: string, page: number, perPage: number) => Promise<Page<T>>;
  searchLabel: string;
  empty: { title: string; text: string };
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation('admin-commerce');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: [queryKey, search, page],
    queryFn: () => load(search, page, PER_PAGE),
    placeholderData: keepPreviousData,
  });
  const id = useId();
  return (
    <>
      <form
        className="cm-toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setSearch(q.trim());
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
        <SkeletonRows />
      ) : list.isError ? (
        <ErrorState title={t('common.loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon="box" title={empty.title}>
          {empty.text}
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">{children(list.data.items)}</div>
          <Pager page={page} total={list.data.total} perPage={PER_PAGE} onPage={setPage} />
        </>
      )}
    </>
  );
}
