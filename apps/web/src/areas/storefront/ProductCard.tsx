import { Link } from 'react-router';
import type { Product } from '../../api/products.ts';
import { useDisplayMoney } from './currency.tsx';
import { ProductImage } from './ProductImage.tsx';
import { Rating } from './Rating.tsx';
import './product-card.css';

/** One product in the grid; the whole card is the link to its page. */
export function ProductCard({ product, eager = false }: { product: Product; eager?: boolean }) {
  const money = useDisplayMoney();
  return (
    <article className="product-card" data-testid="product-card">
      <ProductImage src={product.imageUrl} alt="" eager={eager} />
      <div className="product-card__body">
        <p className="product-card__price" data-testid="product-price">
          {money(product.price)}
          {product.compareAt && <s className="price-old">{money(product.compareAt)}</s>}
        </p>
        <h2 className="product-card__title">
          <Link
            to={`/products/${encodeURIComponent(product.slug || product.id)}`}
            className="product-card__link"
          >
            {product.title}
          </Link>
        </h2>
        {(product.brand ?? product.sellerName) && (
          <p className="product-card__meta">{product.brand ?? product.sellerName}</p>
        )}
        <Rating value={product.rating} />
      </div>
    </article>
  );
}

/** A placeholder card with the same shape, shown while products load. */
export function ProductCardSkeleton() {
  return (
    <div className="product-card product-card--skeleton" aria-hidden="true">
      <div className="product-image skeleton" />
      <div className="product-card__body">
        <span className="skeleton skeleton--text" style={{ width: '45%' }} />
        <span className="skeleton skeleton--text" />
        <span className="skeleton skeleton--text" style={{ width: '70%' }} />
      </div>
    </div>
  );
}
