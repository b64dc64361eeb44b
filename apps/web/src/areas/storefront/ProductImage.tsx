import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon.tsx';
import './product-card.css';

/** A product photo in a square frame; a calm placeholder when there is none or it fails to load. */
export function ProductImage({
  src,
  alt,
  eager = false,
  className = '',
}: {
  src: string | null | undefined;
  alt: string;
  eager?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <div className={`product-image ${className}`}>
      {src && !failed ? (
        <img
          src={src}
          alt={alt}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
          onError={() => setFailed(true)}
        />
      ) : (
        <div className="product-image__placeholder">
          <Icon name="image" size={32} />
          <span>{t('product.noImage')}</span>
        </div>
      )}
    </div>
  );
}
