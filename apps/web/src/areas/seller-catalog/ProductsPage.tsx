import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmButton } from '../../components/Confirm.tsx';
import { Pager } from '../../components/Pager.tsx';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { sellerCatalogApi, type ProductStatus, type SellerProduct } from './api.ts';
import { useErrorText, useNotify } from './ui.tsx';

const TABS: Array<ProductStatus | ''> = ['', 'active', 'draft', 'archived'];

/** The seller's own products, every status, with edit and archive. */
export function ProductsPage() {
  const { t } = useTranslation('sellerCatalog');
  useDocumentTitle(t('list.title'));
  const [status, setStatus] = useState<ProductStatus | ''>('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['seller-catalog', 'list', status, page],
    queryFn: ({ signal }) => sellerCatalogApi.list(status, page, signal),
  });
  return (
    <section aria-labelledby="sc-list-title">
      <header className="sc-head">
        <div>
          <h1 id="sc-list-title" className="sc-title">
            {t('list.title')}
          </h1>
          <p className="sc-muted">{t('list.lead')}</p>
        </div>
        <div className="sc-head__actions">
          <Link to="/seller/products/import" className="btn btn--secondary">
            {t('list.import')}
          </Link>
          <Link to="/seller/products/new" className="btn btn--primary" data-testid="new-product">
            {t('list.new')}
          </Link>
        </div>
      </header>
      <Tabs
        tabs={TABS.map((tab) => ({ value: tab, label: t(`status.${tab || 'all'}`) }))}
        value={status}
        onChange={(tab) => {
          setStatus(tab);
          setPage(1);
        }}
        label={t('list.filter')}
      />
      {list.isPending ? (
        <SkeletonRows />
      ) : list.error ? (
        <ErrorState title={t('common.loadError')} error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          icon="box"
          title={t('list.empty')}
          action={
            <Link to="/seller/products/new" className="btn btn--primary">
              {t('list.new')}
            </Link>
          }
        >
          {t('list.emptyText')}
        </EmptyState>
      ) : (
        <>
          <ul className="sc-list" data-testid="seller-products">
            {list.data.items.map((product) => (
              <ProductRow key={product.id} product={product} />
            ))}
          </ul>
          <Pager page={page} total={list.data.total} perPage={20} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function ProductRow({ product }: { product: SellerProduct }) {
  const { t } = useTranslation('sellerCatalog');
  const { money } = useLocale();
  const notify = useNotify();
  const errorText = useErrorText();
  const client = useQueryClient();
  const archive = useMutation({
    mutationFn: () => sellerCatalogApi.archive(product.id),
    onSuccess: async () => {
      notify(t('list.archived', { title: product.title }));
      await client.invalidateQueries({ queryKey: ['seller-catalog', 'list'] });
    },
    onError: (error) => notify(errorText(error), 'error'),
  });
  return (
    <li className="sc-row" data-testid="seller-product">
      {product.imageUrl ? (
        <img className="sc-thumb" src={product.imageUrl} alt="" loading="lazy" />
      ) : (
        <span className="sc-thumb sc-thumb--empty" aria-hidden="true" />
      )}
      <div className="sc-row__main">
        <Link to={`/seller/products/${product.id}`} className="sc-row__title">
          {product.title}
        </Link>
        <p className="sc-muted">
          {product.category?.name ?? t('list.noCategory')} · {money(product.price)}
        </p>
        {product.moderation && (
          <p className="sc-alert" role="note">
            {t('list.hidden', { reason: product.moderation.reason })}
          </p>
        )}
      </div>
      <span className={`sc-badge sc-badge--${product.status}`}>{t(`status.${product.status}`)}</span>
      <div className="sc-row__actions">
        {product.status !== 'archived' && (
          <>
            <Link to={`/seller/products/${product.id}`} className="btn btn--ghost">
              {t('list.edit')}
            </Link>
            <ConfirmButton
              className="btn btn--ghost sc-danger-text"
              label={t('list.archive')}
              question={t('list.archiveQuestion', { title: product.title })}
              onConfirm={() => archive.mutate()}
              testId="archive-product"
            />
          </>
        )}
      </div>
    </li>
  );
}
