import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/Icon.tsx';
import { pageWindow } from './pageWindow.ts';

/** Links to the other pages of a result. */
export function Pagination({
  page,
  pages,
  hrefFor,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link
          to={hrefFor(page - 1)}
          className="pagination__step"
          rel="prev"
          aria-label={t('pagination.previous')}
        >
          <Icon name="chevronLeft" size={18} />
          <span className="pagination__step-label">{t('pagination.previous')}</span>
        </Link>
      ) : (
        <span className="pagination__step is-disabled" aria-hidden="true">
          <Icon name="chevronLeft" size={18} />
          <span className="pagination__step-label">{t('pagination.previous')}</span>
        </span>
      )}
      <ul className="pagination__pages">
        {pageWindow(page, pages).map((n, index) =>
          n === null ? (
            <li key={`gap-${index}`} className="pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                to={hrefFor(n)}
                className="pagination__page"
                aria-current={n === page ? 'page' : undefined}
                aria-label={t('pagination.page', { page: n })}
              >
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <Link
          to={hrefFor(page + 1)}
          className="pagination__step"
          rel="next"
          aria-label={t('pagination.next')}
        >
          <span className="pagination__step-label">{t('pagination.next')}</span>
          <Icon name="chevronRight" size={18} />
        </Link>
      ) : (
        <span className="pagination__step is-disabled" aria-hidden="true">
          <span className="pagination__step-label">{t('pagination.next')}</span>
          <Icon name="chevronRight" size={18} />
        </span>
      )}
    </nav>
  );
}
