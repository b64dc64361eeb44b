import { useTranslation } from 'react-i18next';
import { useStatusLabel } from './parts.tsx';

/** Status filter chips (a scrolling strip on phones); '' means every status. */
export function StatusFilter<S extends string>({
  statuses,
  value,
  onChange,
}: {
  statuses: ReadonlyArray<S | ''>;
  value: S | '';
  onChange: (status: S | '') => void;
}) {
  const { t } = useTranslation('orders');
  const label = useStatusLabel();
  return (
    <div className="od-filters" role="group" aria-label={t('list.filter')}>
      {statuses.map((status) => (
        <button
          key={status || 'all'}
          type="button"
          className="od-filter"
          aria-pressed={value === status}
          onClick={() => onChange(status)}
        >
          {status ? label(status) : t('list.all')}
        </button>
      ))}
    </div>
  );
}

/** Previous / next with "page N of M"; nothing when one page holds everything. */
export function Pager({
  page,
  total,
  perPage,
  onPage,
}: {
  page: number;
  total: number;
  perPage: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation('orders');
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav className="od-pager" aria-label={t('list.pages')}>
      <button
        type="button"
        className="btn btn--secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('list.previous')}
      </button>
      <span>{t('list.pageOf', { page, pages })}</span>
      <button
        type="button"
        className="btn btn--secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('list.next')}
      </button>
    </nav>
  );
}
