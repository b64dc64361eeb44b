import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FacetValue, ProductQuery } from '../../api/products.ts';
import { Icon } from '../../components/Icon.tsx';
import { currencySymbol, minorUnitsPerMajor } from '../../lib/money.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { MoreFilters } from './MoreFilters.tsx';
import type { CatalogParam } from './useCatalogQuery.ts';
import './filters.css';

/** Facet values often arrive as slugs ("home-appliances"); show them as words. */
export function facetLabel(value: string): string {
  const words = value.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toLocaleUpperCase() + words.slice(1);
}

/** The button that shows and hides the filters on narrow screens (on wide ones they always show). */
export function FiltersToggle({
  open,
  panelId,
  active,
  onToggle,
}: {
  open: boolean;
  panelId: string;
  active: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn btn--secondary filters-toggle"
      aria-expanded={open}
      aria-controls={panelId}
      onClick={onToggle}
    >
      <Icon name="filter" size={18} />
      {t('catalog.filters')}
      {active && <span className="filters-toggle__dot" aria-hidden="true" />}
    </button>
  );
}

/** The catalog filters: category and price range. */
export function Filters({
  panelId,
  open,
  query,
  categories,
  brands = [],
  currency,
  hasFilters,
  hrefWith,
  update,
}: {
  panelId: string;
  open: boolean;
  query: ProductQuery;
  categories: FacetValue[];
  brands?: FacetValue[];
  currency: string;
  hasFilters: boolean;
  hrefWith: (changes: Partial<Record<CatalogParam, string>>) => string;
  update: (changes: Partial<Record<CatalogParam, string>>) => void;
}) {
  const { t } = useTranslation();
  return (
    <aside className="filters" aria-label={t('catalog.filters')}>
      <div id={panelId} className={`filters__panel ${open ? '' : 'filters__panel--closed'}`}>
        {categories.length > 0 && (
          <section className="filters__group" aria-labelledby={`${panelId}-category`}>
            <h2 className="filters__title" id={`${panelId}-category`}>
              {t('catalog.category')}
            </h2>
            <ul className="filters__list">
              <li>
                <Link
                  to={hrefWith({ category: '' })}
                  className="filters__option"
                  aria-current={query.category === '' ? 'true' : undefined}
                >
                  {t('catalog.allCategories')}
                </Link>
              </li>
              {categories.map((facet) => (
                <li key={facet.value}>
                  <Link
                    to={hrefWith({ category: facet.value })}
                    className="filters__option"
                    aria-current={query.category === facet.value ? 'true' : undefined}
                  >
                    <span>{facet.label ?? facetLabel(facet.value)}</span>
                    <span className="filters__count">{facet.count}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        <MoreFilters panelId={panelId} query={query} brands={brands} hrefWith={hrefWith} />
        <PriceRange
          key={`${query.minPrice}-${query.maxPrice}`}
          query={query}
          currency={currency}
          onApply={(minPrice, maxPrice) => update({ minPrice, maxPrice })}
        />
        {hasFilters && (
          <Link
            to={hrefWith({ category: '', minPrice: '', maxPrice: '', brand: '', minRating: '' })}
            className="filters__clear"
          >
            {t('catalog.clearFilters')}
          </Link>
        )}
      </div>
    </aside>
  );
}

function PriceRange({
  query,
  currency,
  onApply,
}: {
  query: ProductQuery;
  currency: string;
  onApply: (minPrice: string, maxPrice: string) => void;
}) {
  const { t } = useTranslation();
  const { numbers } = useLocale();
  const id = useId();
  const perMajor = minorUnitsPerMajor(currency);
  const toMajor = (minor: string) => (minor ? String(Number(minor) / perMajor) : '');
  const toMinor = (major: string) => {
    const value = Number(major.replace(',', '.').replace(/\s/g, ''));
    return major.trim() && Number.isFinite(value) && value >= 0 ? String(Math.round(value * perMajor)) : '';
  };
  const [min, setMin] = useState(toMajor(query.minPrice));
  const [max, setMax] = useState(toMajor(query.maxPrice));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(toMinor(min), toMinor(max));
  }

  return (
    <form className="filters__group" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 className="filters__title" id={`${id}-title`}>
        {t('catalog.price', { symbol: currencySymbol(currency, numbers) })}
      </h2>
      <div className="filters__range">
        <label className="filters__range-field">
          <span className="filters__range-label">{t('catalog.minPrice')}</span>
          <input
            className="input"
            inputMode="decimal"
            value={min}
            onChange={(event) => setMin(event.target.value)}
            placeholder="0"
          />
        </label>
        <span aria-hidden="true" className="filters__range-dash">
          –
        </span>
        <label className="filters__range-field">
          <span className="filters__range-label">{t('catalog.maxPrice')}</span>
          <input
            className="input"
            inputMode="decimal"
            value={max}
            onChange={(event) => setMax(event.target.value)}
            placeholder="∞"
          />
        </label>
      </div>
      <button type="submit" className="btn btn--secondary btn--full">
        {t('catalog.applyPrice')}
      </button>
    </form>
  );
}
