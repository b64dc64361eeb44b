import { useTranslation } from 'react-i18next';

/** How many pages `total` items fill at `perPage` a page (at least one). */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, perPage)));
}

/** Previous / next with "page N of M"; nothing when one page holds everything. */
export function Pager({
  page,
  total,
  perPage,
  onPage,
  label,
}: {
  page: number;
  total: number;
  perPage: number;
  onPage: (page: number) => void;
  /** The navigation landmark's name; "Pages" when omitted. */
  label?: string;
}) {
  const { t } = useTranslation();
  const pages = pageCount(total, perPage);
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={label ?? t('ui.pages')}>
      <button
        type="button"
        className="btn btn--secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t('ui.previous')}
      </button>
      <span className="pager__position" aria-live="polite">
        {t('ui.pageOf', { page, pages })}
      </span>
      <button
        type="button"
        className="btn btn--secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {t('ui.next')}
      </button>
    </nav>
  );
}
