import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/problem.ts';
import { productQuery, type ProductDetail, type ProductPage } from '../../api/products.ts';
import { Icon } from '../../components/Icon.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { CurrencySelect, useDisplayMoney } from './currency.tsx';
import { AddToCart } from '../cart/AddToCart.tsx';
import { ProductGallery } from './ProductGallery.tsx';
import { VariantPicker } from './VariantPicker.tsx';
import { categoriesQuery } from './catalog-api.ts';
import { Rating } from './Rating.tsx';
import { Recommendations } from './Recommendations.tsx';
import { Reviews } from './Reviews.tsx';
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
  // Products are reached by id too (cart, orders, assistant): the slug address is the canonical one.
  useDocumentTitle(product?.title ?? (result.isError ? t('product.notFoundTitle') : undefined), {
    description: product?.description,
    canonical: product ? `/products/${encodeURIComponent(product.slug || product.id)}` : undefined,
  });

  return (
    <div className="container page">
      <nav className="breadcrumbs" aria-label={t('product.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/products">{t('nav.catalog')}</Link>
          </li>
          {product?.category && <CategoryCrumbs slug={product.category.slug} />}
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
      {product && !result.isPlaceholderData && (
        <>
          <Recommendations productId={product.id} />
          <Reviews productId={product.id} />
        </>
      )}
    </div>
  );
}

function ProductView({ product, complete }: { product: ProductDetail; complete: boolean }) {
  const { t } = useTranslation();
  const { t: ts } = useTranslation('storefront');
  const { date } = useLocale();
  const money = useDisplayMoney();
  const attributes = Object.entries(product.attributes ?? {});
  const variants = product.variants ?? [];
  const [variantId, setVariantId] = useState<string | null>(null);
  const variant = variants.find((v) => v.id === variantId) ?? variants[0];
  const price = variant?.price ?? product.price;
  const compareAt = variant ? variant.compareAt : product.compareAt;
  return (
    <article className="product" data-testid="product-detail">
      <ProductGallery product={product} />
      <div className="product__summary">
        {product.brand && <p className="product__brand">{product.brand}</p>}
        <h1 className="product__title">{product.title}</h1>
        <Rating value={product.rating} showEmpty />
        <p className="product__price" data-testid="product-price">
          {money(price)}
          {compareAt && <s className="price-old">{money(compareAt)}</s>}
        </p>
        <CurrencySelect />
        {variant && (
          <VariantPicker variants={variants} selected={variant} onSelect={(v) => setVariantId(v.id)} />
        )}
        {variant && <p className="product__sku">{ts('product.sku', { sku: variant.sku })}</p>}
        {variant && complete && <AddToCart key={variant.id} variantId={variant.id} title={product.title} />}
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

/** The product's category and its ancestors, each a readable `/c/<slug>` link. */
function CategoryCrumbs({ slug }: { slug: string }) {
  const { language } = useLocale();
  const tree = useQuery(categoriesQuery(language));
  const node = tree.data?.items.find((c) => c.slug === slug);
  if (!node) return null;
  return (
    <>
      {node.path.map((part) => {
        const crumb = tree.data?.items.find((c) => c.slug === part);
        return (
          <li key={part}>
            <Link to={`/c/${part}`}>{crumb?.name ?? part}</Link>
          </li>
        );
      })}
    </>
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
