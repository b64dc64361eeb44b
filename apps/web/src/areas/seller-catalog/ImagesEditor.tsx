import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sellerCatalogApi, type Image } from './api.ts';
import { useErrorText, useNotify } from './ui.tsx';
import { ConfirmButton } from '../../components/Confirm.tsx';

const MAX_BYTES = 10 * 1024 * 1024;

/** The gallery of a saved product: upload (JPEG, PNG, WebP; resized by the server) and remove. */
export function ImagesEditor({ productId, images }: { productId: string; images: Image[] }) {
  const { t } = useTranslation('sellerCatalog');
  const id = useId();
  const notify = useNotify();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [alt, setAlt] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['seller-catalog', 'product', productId] });
  const upload = useMutation({
    mutationFn: (file: File) => sellerCatalogApi.uploadImage(productId, file, alt),
    onSuccess: async () => {
      notify(t('images.uploaded'));
      setAlt('');
      await refresh();
    },
    onError: (error) => notify(errorText(error), 'error'),
  });
  const remove = useMutation({
    mutationFn: (imageId: string) => sellerCatalogApi.deleteImage(productId, imageId),
    onSuccess: async () => {
      notify(t('images.removed'));
      await refresh();
    },
    onError: (error) => notify(errorText(error), 'error'),
  });
  return (
    <fieldset className="sc-fieldset" aria-busy={upload.isPending}>
      <legend>{t('images.title')}</legend>
      {images.length === 0 ? (
        <p className="sc-muted">{t('images.empty')}</p>
      ) : (
        <ul className="sc-gallery" data-testid="gallery">
          {images.map((image, index) => (
            <li key={image.id} className="sc-gallery__item">
              <img src={image.thumbUrl} alt={image.alt || t('images.imageN', { n: index + 1 })} />
              <ConfirmButton
                className="btn btn--ghost sc-danger-text"
                label={t('images.remove')}
                question={t('images.removeQuestion')}
                onConfirm={() => remove.mutate(image.id)}
              />
            </li>
          ))}
        </ul>
      )}
      <label className="sc-cell">
        <span className="sc-cell__label">{t('images.alt')}</span>
        <input className="input" value={alt} maxLength={200} onChange={(e) => setAlt(e.target.value)} />
      </label>
      <label htmlFor={id} className="btn btn--secondary sc-upload">
        {upload.isPending ? t('images.uploading') : t('images.upload')}
      </label>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
        className="visually-hidden"
        data-testid="image-input"
        disabled={upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          if (file.size > MAX_BYTES) notify(t('images.tooLarge'), 'error');
          else upload.mutate(file);
        }}
      />
      <p className="sc-muted">{t('images.hint')}</p>
    </fieldset>
  );
}
