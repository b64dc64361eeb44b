import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FacetValue, ProductQuery } from '../../api/products.ts';
import type { CatalogParam } from './useCatalogQuery.ts';

const RATINGS = ['4.5', '4', '3'];

/** Brand (with counts from the search's facets) and minimum rating, as plain links: no JavaScript needed. */
export function MoreFilters({
  panelId,
  query,
  brands,
  hrefWith,
}: {
  panelId: string;
  query: ProductQuery;
  brands: FacetValue[];
  hrefWith: (changes: Partial<Record<CatalogParam, string>>) => string;
}) {
  const { t } = useTranslation('storefront');
  return (
    <>
      {brands.length > 0 && (
        <section className="filters__group" aria-labelledby={`${panelId}-brand`}>
          <h2 className="filters__title" id={`${panelId}-brand`}>
            {t('filters.brand')}
          </h2>
          <ul className="filters__list" data-testid="brand-filter">
            <li>
              <Link
                to={hrefWith({ brand: '' })}
                className="filters__option"
                aria-current={!query.brand ? 'true' : undefined}
              >
                {t('filters.allBrands')}
              </Link>
            </li>
            {brands.slice(0, 12).map((facet) => (
              <li key={facet.value}>
                <Link
                  to={hrefWith({ brand: facet.value })}
                  className="filters__option"
                  aria-current={query.brand === facet.value ? 'true' : undefined}
                >
                  <span>{facet.label ?? facet.value}</span>
                  <span className="filters__count">{facet.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="filters__group" aria-labelledby={`${panelId}-rating`}>
        <h2 className="filters__title" id={`${panelId}-rating`}>
          {t('filters.rating')}
        </h2>
        <ul className="filters__list">
          <li>
            <Link
              to={hrefWith({ minRating: '' })}
              className="filters__option"
              aria-current={!query.minRating ? 'true' : undefined}
            >
              {t('filters.anyRating')}
            </Link>
          </li>
          {RATINGS.map((rating) => (
            <li key={rating}>
              <Link
                to={hrefWith({ minRating: rating })}
                className="filters__option"
                aria-current={query.minRating === rating ? 'true' : undefined}
              >
                ★ {t('filters.ratingAtLeast', { rating })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
