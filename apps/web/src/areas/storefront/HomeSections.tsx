import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { productsQuery } from '../../api/products.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { categoriesQuery } from './catalog-api.ts';
import { ProductCard, ProductCardSkeleton } from './ProductCard.tsx';
import './home.css';

/** The home page's top categories, each a readable `/c/<slug>` link. */
export function CategoryTiles() {
  const { t } = useTranslation('storefront');
  const { language } = useLocale();
  const tree = useQuery(categoriesQuery(language));
  const roots = tree.data?.items.filter((c) => c.parentId === null) ?? [];
  if (tree.isError) return null;
  return (
    <section className="home-section" aria-labelledby="home-categories">
      <h2 id="home-categories" className="home-section__title">
        {t('home.categories')}
      </h2>
      <ul className="category-tiles" data-testid="category-tiles">
        {tree.isPending
          ? Array.from({ length: 8 }, (_, i) => (
              <li key={i} className="category-tile skeleton" aria-hidden="true" />
            ))
          : roots.map((category, index) => (
              <li key={category.id}>
                <Link
                  to={`/c/${category.slug}`}
                  className="category-tile"
                  style={{ ['--tile-hue' as string]: (index * 47) % 360 }}
                >
                  <span className="category-tile__initial" aria-hidden="true">
                    {category.name.charAt(0)}
                  </span>
                  <span>{category.name}</span>
                </Link>
              </li>
            ))}
      </ul>
    </section>
  );
}

/** What sells most right now. */
export function PopularProducts() {
  const { t } = useTranslation('storefront');
  const popular = useQuery(
    productsQuery({ q: '', category: '', minPrice: '', maxPrice: '', sort: 'popularity', page: 1, limit: 8 }),
  );
  if (popular.isError || popular.data?.items.length === 0) return null;
  return (
    <section className="home-section" aria-labelledby="home-popular">
      <div className="home-section__head">
        <h2 id="home-popular" className="home-section__title">
          {t('home.popular')}
        </h2>
        <Link to="/products?sort=popularity">{t('home.seeAll')}</Link>
      </div>
      <div className="product-grid product-grid--row" data-testid="popular-products">
        {popular.data
          ? popular.data.items.map((product, index) => (
              <ProductCard key={product.id} product={product} eager={index < 4} />
            ))
          : Array.from({ length: 4 }, (_, i) => <ProductCardSkeleton key={i} />)}
      </div>
    </section>
  );
}
