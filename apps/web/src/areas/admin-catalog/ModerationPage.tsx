import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { useErrorText, useNotify } from '../seller-catalog/ui.tsx';
import { adminCatalogApi, type ModerationItem } from './api.ts';
import { AdminTabs } from './AdminTabs.tsx';

/** Moderation: find a product, hide it from the storefront with a reason, or restore it. */
export function ModerationPage() {
  const { t } = useTranslation('adminCatalog');
  useDocumentTitle(t('moderation.title'));
  const [hiddenOnly, setHiddenOnly] = useState(false);
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['admin-catalog', 'moderation', hiddenOnly, q],
    queryFn: ({ signal }) => adminCatalogApi.products(hiddenOnly, q.trim(), signal),
  });
  return (
    <section aria-labelledby="ac-mod-title">
      <AdminTabs />
      <header className="sc-head">
        <h1 id="ac-mod-title" className="sc-title">
          {t('moderation.title')}
        </h1>
      </header>
      <div className="ac-toolbar">
        <label className="sc-cell">
          <span className="sc-cell__label">{t('moderation.search')}</span>
          <input
            className="input"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="moderation-search"
          />
        </label>
        <label className="ac-check">
          <input type="checkbox" checked={hiddenOnly} onChange={(e) => setHiddenOnly(e.target.checked)} />
          {t('moderation.hiddenOnly')}
        </label>
      </div>
      {list.isPending ? (
        <SkeletonRows />
      ) : list.error ? (
        <ErrorState title={t('common.loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon="search" title={t('moderation.empty')} />
      ) : (
        <ul className="sc-list" data-testid="moderation-list">
          {list.data.items.map((item) => (
            <ModerationRow key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ModerationRow({ item }: { item: ModerationItem }) {
  const { t } = useTranslation('adminCatalog');
  const { date } = useLocale();
  const notify = useNotify();
  const errorText = useErrorText();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [asking, setAsking] = useState(false);
  const done = async (text: string) => {
    notify(text);
    setAsking(false);
    setReason('');
    await client.invalidateQueries({ queryKey: ['admin-catalog', 'moderation'] });
  };
  const hide = useMutation({
    mutationFn: () => adminCatalogApi.hide(item.id, reason.trim()),
    onSuccess: () => done(t('moderation.hidden', { title: item.title })),
    onError: (error) => notify(errorText(error), 'error'),
  });
  const restore = useMutation({
    mutationFn: () => adminCatalogApi.restore(item.id),
    onSuccess: () => done(t('moderation.restored', { title: item.title })),
    onError: (error) => notify(errorText(error), 'error'),
  });
  return (
    <li className="sc-row" data-testid="moderation-row">
      {item.imageUrl ? (
        <img className="sc-thumb" src={item.imageUrl} alt="" loading="lazy" />
      ) : (
        <span className="sc-thumb" aria-hidden="true" />
      )}
      <div className="sc-row__main">
        <Link to={`/products/${item.slug}`} className="sc-row__title">
          {item.title}
        </Link>
        <p className="sc-muted">{item.sellerName}</p>
        {item.hiddenReason && item.hiddenAt && (
          <p className="sc-alert">
            {t('moderation.hiddenSince', { reason: item.hiddenReason, date: date(item.hiddenAt) })}
          </p>
        )}
      </div>
      <span className={`sc-badge sc-badge--${item.hiddenAt ? 'hidden' : item.status}`}>
        {item.hiddenAt
          ? t('moderation.badgeHidden')
          : t(
              `moderation.status.${item.status === 'active' ? 'active' : item.status === 'draft' ? 'draft' : 'archived'}`,
            )}
      </span>
      <div className="sc-row__actions">
        {item.hiddenAt ? (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => restore.mutate()}
            disabled={restore.isPending}
          >
            {t('moderation.restore')}
          </button>
        ) : asking ? (
          <form
            className="ac-hide"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim().length >= 3) hide.mutate();
            }}
          >
            <label className="sc-cell">
              <span className="sc-cell__label">{t('moderation.reason')}</span>
              <input
                className="input"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                minLength={3}
                maxLength={500}
                required
                autoFocus
                data-testid="hide-reason"
              />
            </label>
            <button
              type="submit"
              className="btn btn--danger"
              disabled={reason.trim().length < 3 || hide.isPending}
              data-testid="hide-confirm"
            >
              {t('moderation.hide')}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </form>
        ) : (
          <button
            type="button"
            className="btn btn--ghost sc-danger-text"
            onClick={() => setAsking(true)}
            data-testid="hide-product"
          >
            {t('moderation.hide')}
          </button>
        )}
      </div>
    </li>
  );
}
