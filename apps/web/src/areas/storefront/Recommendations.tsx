import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/useLocale.ts';
import { recommendationsApi, type RecommendedProduct } from '../admin-commerce/api.ts';
import '../admin-commerce/commerce.css';
import { ProductImage } from './ProductImage.tsx';

/** The product page's rails: bought together, similar, popular in the category (empty rails are left out). */
export function Recommendations({ productId }: { productId: string }) {
  const { t } = useTranslation('admin-commerce');
  const result = useQuery({
    queryKey: ['recommendations', productId],
    queryFn: () => recommendationsApi.ofProduct(productId),
    staleTime: 60_000,
  });
  if (result.isPending)
    return (
      <div className="rc" aria-hidden="true">
        <span className="skeleton skeleton--title" style={{ width: '40%' }} />
        <span className="skeleton" style={{ height: 180 }} />
      </div>
    );
  // Recommendations are an extra: when they fail, the page simply goes without them.
  if (result.isError) return null;
  const { boughtTogether, similar, popularInCategory } = result.data;
  return (
    <div className="rc" data-testid="recommendations">
      <Rail
        title={t('recommendations.boughtTogether')}
        items={boughtTogether}
        testId="rail-bought-together"
      />
      <Rail title={t('recommendations.similar')} items={similar} testId="rail-similar" />
      <Rail title={t('recommendations.popular')} items={popularInCategory} testId="rail-popular" />
    </div>
  );
}

/** One titled, horizontally scrolling list of product cards. */
export function Rail({
  title,
  items,
  testId,
}: {
  title: string;
  items: RecommendedProduct[];
  testId?: string;
}) {
  const { money } = useLocale();
  if (items.length === 0) return null;
  return (
    <section className="rc__rail" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      <ul className="rc__list">
        {items.map((p) => (
          <li key={p.id} className="rc__item">
            <Link to={`/products/${encodeURIComponent(p.id)}`}>
              <ProductImage src={p.imageUrl} alt="" className="rc__img" />
              <span className="rc__title">{p.title}</span>
              <span className="rc__price">{money(p.price)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
