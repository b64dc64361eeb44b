import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { productsQuery, SORTS, type Sort } from '../../api/products.ts';
import { Icon } from '../../components/Icon.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Filters, FiltersToggle } from './Filters.tsx';
import { Pagination } from './Pagination.tsx';
import { ProductCard, ProductCardSkeleton } from './ProductCard.tsx';
import { PAGE_SIZE, useCatalogQuery } from './useCatalogQuery.ts';
import { categoriesQuery } from './catalog-api.ts';
import { CurrencySelect } from './currency.tsx';
import { CategoryTiles, PopularProducts } from './HomeSections.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import './catalog.css';

const DEFAULT_CURRENCY = 'KZT';

/** The storefront: the catalog with search, filters, sorting and pages (also the home page). */
/** The deepest page the shop serves (it refuses page × limit above 10,000). */
const MAX_PAGES = Math.floor(10_000 / PAGE_SIZE);

export function ProductListPage() {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('storefront');
  const { pathname } = useLocation();
  const { language } = useLocale();
  const tree = useQuery(categoriesQuery(language));
  const sortId = useId();
  const filtersId = useId();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const { query, hrefWith, update, hasFilters } = useCatalogQuery();
  const category = query.category ? tree.data?.items.find((c) => c.slug === query.category) : undefined;
  const result = useQuery(productsQuery(query));
  const data = result.data;

  const isHome = pathname === '/' && !query.q && !hasFilters && query.page === 1;
  const heading = query.q ? t('catalog.resultsFor', { q: query.q }) : (category?.name ?? t('catalog.title'));
  useDocumentTitle(isHome ? undefined : heading, {
    description: category ? ts('seo.category', { name: category.name }) : undefined,
    canonical: category ? `/c/${category.slug}` : undefined,
  });

  // The shop lists 10,000 products deep; past that, filters narrow the list.
  const pages = data ? Math.max(1, Math.min(Math.ceil(data.total / PAGE_SIZE), MAX_PAGES)) : 1;
  const currency = data?.items[0]?.price.currency ?? DEFAULT_CURRENCY;

  return (
    <div className="container page catalog">
      {category && (
        <nav className="breadcrumbs" aria-label={t('product.breadcrumbs')}>
          <ol>
            <li>
              <Link to="/products">{t('nav.catalog')}</Link>
            </li>
            {category.path.map((part) => (
              <li key={part} aria-current={part === category.slug ? 'page' : undefined}>
                {part === category.slug ? (
                  <span>{category.name}</span>
                ) : (
                  <Link to={`/c/${part}`}>{tree.data?.items.find((c) => c.slug === part)?.name ?? part}</Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {isHome && (
        <section className="hero">
          <div className="hero__text">
            <h1 className="hero__title">{t('catalog.heroTitle')}</h1>
            <p className="hero__lead">{t('catalog.heroText')}</p>
          </div>
          <Icon name="truck" size={96} className="hero__art" />
        </section>
      )}
      {isHome && <CategoryTiles />}
      {isHome && <PopularProducts />}

      <div className="catalog__head">
        <div>
          {isHome ? (
            <h2 className="catalog__title">{heading}</h2>
          ) : (
            <h1 className="catalog__title">{heading}</h1>
          )}
          <p className="catalog__count" aria-live="polite">
            {data ? t('catalog.count', { count: data.total }) : '\u00a0'}
          </p>
        </div>
        <div className="catalog__tools">
          <CurrencySelect />
          <FiltersToggle
            open={filtersOpen}
            panelId={filtersId}
            active={hasFilters}
            onToggle={() => setFiltersOpen((open) => !open)}
          />
          <div className="catalog__sort">
            <label htmlFor={sortId}>{t('catalog.sort')}</label>
            <div className="select-wrap">
              <select
                id={sortId}
                className="select"
                value={query.sort}
                onChange={(event) => update({ sort: event.target.value })}
                data-testid="sort-select"
              >
                {SORTS.map((sort: Sort) => (
                  <option key={sort || 'relevance'} value={sort}>
                    {sort === 'popularity'
                      ? ts('sorts.popularity')
                      : t(`catalog.sorts.${sort || 'relevance'}`)}
                  </option>
                ))}
              </select>
              <Icon name="chevronDown" size={16} className="select-wrap__chevron" />
            </div>
          </div>
        </div>
      </div>

      <div className="catalog__body">
        <Filters
          panelId={filtersId}
          open={filtersOpen}
          query={query}
          categories={data?.facets.categories ?? []}
          brands={data?.facets.brands ?? []}
          currency={currency}
          hasFilters={hasFilters}
          hrefWith={hrefWith}
          update={update}
        />
        <section
          className="catalog__results"
          aria-busy={result.isFetching}
          aria-label={heading}
          data-testid="product-results"
        >
          {result.isError ? (
            <ErrorState
              title={t('catalog.errorTitle')}
              error={result.error}
              onRetry={() => void result.refetch()}
            />
          ) : !data ? (
            <div className="product-grid" data-testid="product-grid-loading">
              {Array.from({ length: 8 }, (_, index) => (
                <ProductCardSkeleton key={index} />
              ))}
            </div>
          ) : data.items.length === 0 ? (
            <EmptyState
              icon="search"
              title={t('catalog.emptyTitle')}
              action={
                <Link to="/products" className="btn btn--primary">
                  {t('catalog.clearSearch')}
                </Link>
              }
            >
              {query.q ? t('catalog.emptyQuery', { q: query.q }) : t('catalog.emptyFilters')}
            </EmptyState>
          ) : (
            <>
              <div className={`product-grid ${result.isPlaceholderData ? 'is-stale' : ''}`}>
                {data.items.map((product, index) => (
                  <ProductCard key={product.id} product={product} eager={index < 4} />
                ))}
              </div>
              <Pagination
                page={query.page}
                pages={pages}
                hrefFor={(page) => hrefWith({ page: page > 1 ? String(page) : '' })}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
