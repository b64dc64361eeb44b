import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { orderCommands } from './api.ts';
import { useProblem } from './useProblem.ts';

/** An uploaded photo: its id for the request and its address for the preview. */
export interface Photo {
  photoId: string;
  url: string;
}

const MAX_PHOTOS = 6;

/** Up to six photos of what is being returned, uploaded as they are picked. */
export function ReturnPhotos({ photos, onChange }: { photos: Photo[]; onChange: (photos: Photo[]) => void }) {
  const { t } = useTranslation('orders');
  const problem = useProblem();
  const id = useId();
  const upload = useMutation({
    mutationFn: async (files: File[]) => Promise.all(files.map((file) => orderCommands.uploadPhoto(file))),
    onSuccess: (added) => onChange([...photos, ...added].slice(0, MAX_PHOTOS)),
  });
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('returnForm.photos', { max: MAX_PHOTOS })}
      </label>
      <div className="od-photos">
        {photos.map((photo) => (
          <figure key={photo.photoId} className="od-photo">
            <img src={photo.url} alt={t('returns.photo')} />
            <button
              type="button"
              className="od-photo__remove"
              aria-label={t('returnForm.removePhoto')}
              onClick={() => onChange(photos.filter((p) => p.photoId !== photo.photoId))}
            >
              ×
            </button>
          </figure>
        ))}
        {photos.length < MAX_PHOTOS && (
          <label className="od-photo od-photo--add" aria-busy={upload.isPending}>
            {upload.isPending ? <span className="spinner" aria-hidden="true" /> : '+'}
            <input
              id={id}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              className="visually-hidden"
              disabled={upload.isPending}
              onChange={(e) => {
                const files = [...(e.target.files ?? [])].slice(0, MAX_PHOTOS - photos.length);
                if (files.length > 0) upload.mutate(files);
                e.target.value = '';
              }}
            />
          </label>
        )}
      </div>
      {upload.isError && (
        <p className="field__error" role="alert">
          {problem(upload.error)}
        </p>
      )}
    </div>
  );
}
