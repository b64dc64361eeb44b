import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../api/products.ts';
import { ProductImage } from './ProductImage.tsx';

/** The product's photos: the chosen one large, the others as thumbnails to pick (buttons, keyboard friendly). */
export function ProductGallery({ product }: { product: ProductDetail }) {
  const { t } = useTranslation('storefront');
  const images = product.images ?? [];
  const [index, setIndex] = useState(0);
  const current = images[Math.min(index, images.length - 1)];
  return (
    <div className="gallery">
      <ProductImage
        src={current?.url ?? product.imageUrl}
        alt={current?.alt || product.title}
        eager
        className="product__image"
      />
      {images.length > 1 && (
        <ul className="gallery__thumbs" aria-label={t('product.photos')}>
          {images.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                className="gallery__thumb"
                aria-pressed={i === index}
                aria-label={t('product.photoN', { n: i + 1, total: images.length })}
                onClick={() => setIndex(i)}
              >
                <img src={image.thumbUrl} alt="" loading="lazy" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
