import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem.ts';
import { productQuery, type ProductDetail, type ProductPage } from '../../api/products.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { ProductImage } from './ProductImage.tsx';
import { Rating } from './Rating.tsx';
import './product-page.css';

/** One product's page: photo, price, seller, description and specifications. */
export function ProductDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const result = useQuery({
    ...productQuery(id),
    // Show what the catalog already knows at once; the full product replaces it when it arrives.
    placeholderData: () =>
      fromCatalogCache(queryClient.getQueriesData<ProductPage>({ queryKey: ['products', 'list'] }), id),
  });
  const product = result.data;
  useDocumentTitle(product?.title ?? (result.isError ? t('product.notFoundTitle') : undefined));

  return (
    <div className="container page">
      <nav className="breadcrumbs" aria-label={t('product.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/products">{t('nav.catalog')}</Link>
          </li>
          {product && (
            <li aria-current="page">
              <span>{product.title}</span>
            </li>
          )}
        </ol>
      </nav>
      {product ? (
        <ProductView product={product} complete={!result.isPlaceholderData} />
      ) : result.isError ? (
        result.error instanceof ApiError && result.error.status === 404 ? (
          <EmptyState
            icon="box"
            title={t('product.notFoundTitle')}
            action={
              <Link to="/products" className="btn btn--primary">
                {t('product.backToCatalog')}
              </Link>
            }
          >
            {t('product.notFoundText')}
          </EmptyState>
        ) : (
          <ErrorState
            title={t('product.errorTitle')}
            error={result.error}
            onRetry={() => void result.refetch()}
          />
        )
      ) : (
        <ProductSkeleton />
      )}
    </div>
  );
}

function ProductView({ product, complete }: { product: ProductDetail; complete: boolean }) {
  const { t } = useTranslation();
  const { money, date } = useLocale();
  const attributes = Object.entries(product.attributes ?? {});
  return (
    <article className="product" data-testid="product-detail">
      <ProductImage src={product.imageUrl} alt={product.title} eager className="product__image" />
      <div className="product__summary">
        {product.brand && <p className="product__brand">{product.brand}</p>}
        <h1 className="product__title">{product.title}</h1>
        <Rating value={product.rating} showEmpty />
        <p className="product__price" data-testid="product-price">
          {money(product.price)}
        </p>
        <ul className="product__facts">
          {product.sellerName && (
            <li>
              <Icon name="store" size={18} />
              {t('product.soldBy', { seller: product.sellerName })}
            </li>
          )}
          <li>
            <Icon name="truck" size={18} />
            {t('product.delivery')}
          </li>
        </ul>
        <p className="product__listed">{t('product.listed', { date: date(product.createdAt) })}</p>
      </div>
      <div className="product__details">
        {product.description && (
          <section>
            <h2 className="product__section-title">{t('product.description')}</h2>
            <p className="product__description">{product.description}</p>
          </section>
        )}
        {complete && attributes.length > 0 && (
          <section>
            <h2 className="product__section-title">{t('product.specs')}</h2>
            <dl className="specs">
              {attributes.map(([name, value]) => (
                <div key={name} className="specs__row">
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
      </div>
    </article>
  );
}

function ProductSkeleton() {
  return (
    <div className="product" aria-hidden="true">
      <div className="product-image product__image skeleton" />
      <div className="product__summary">
        <span className="skeleton skeleton--text" style={{ width: '30%' }} />
        <span className="skeleton skeleton--title" />
        <span className="skeleton skeleton--title" style={{ width: '60%' }} />
        <span className="skeleton skeleton--price" />
        <span className="skeleton skeleton--text" style={{ width: '80%' }} />
      </div>
    </div>
  );
}

function fromCatalogCache(
  pages: [unknown, ProductPage | undefined][],
  id: string,
): ProductDetail | undefined {
  for (const [, page] of pages) {
    const found = page?.items.find((item) => item.id === id);
    if (found) return found;
  }
  return undefined;
}
