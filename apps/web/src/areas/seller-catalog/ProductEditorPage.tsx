import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { TextField } from '../../components/Field.tsx';
import { ErrorState, PageLoader } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { sellerCatalogApi, type ProductInput, type SellerProduct } from './api.ts';
import { ImagesEditor } from './ImagesEditor.tsx';
import { useErrorText, useNotify, useTengeInput } from './ui.tsx';
import {
  blankVariant,
  draftsFrom,
  useVariantParser,
  VariantsEditor,
  type VariantDraft,
} from './VariantsEditor.tsx';

interface Draft {
  title: string;
  description: string;
  brand: string;
  categorySlug: string;
  status: 'draft' | 'active';
  attributes: string;
  ruTitle: string;
  ruDescription: string;
  kkTitle: string;
  kkDescription: string;
  variants: VariantDraft[];
}

const empty = (): Draft => ({
  title: '',
  description: '',
  brand: '',
  categorySlug: '',
  status: 'active',
  attributes: '',
  ruTitle: '',
  ruDescription: '',
  kkTitle: '',
  kkDescription: '',
  variants: [blankVariant()],
});

/** Create (no id) or edit one of the seller's products: fields, translations, variants, images. */
export function ProductEditorPage() {
  const { id } = useParams();
  const { t } = useTranslation('sellerCatalog');
  const product = useQuery({
    queryKey: ['seller-catalog', 'product', id],
    queryFn: ({ signal }) => sellerCatalogApi.get(id ?? '', signal),
    enabled: Boolean(id),
  });
  useDocumentTitle(id ? t('editor.editTitle') : t('editor.newTitle'));
  if (id && product.isPending) return <PageLoader />;
  if (id && product.error)
    return (
      <ErrorState
        title={t('common.loadError')}
        error={product.error}
        onRetry={() => void product.refetch()}
      />
    );
  return <Editor key={product.data?.id ?? 'new'} product={product.data} />;
}

function Editor({ product }: { product: SellerProduct | undefined }) {
  const { t } = useTranslation('sellerCatalog');
  const navigate = useNavigate();
  const notify = useNotify();
  const errorText = useErrorText();
  const client = useQueryClient();
  const { toText } = useTengeInput();
  const parseVariants = useVariantParser();
  const categories = useQuery({
    queryKey: ['categories'],
    queryFn: ({ signal }) => sellerCatalogApi.categories(signal),
  });
  const [draft, setDraft] = useState<Draft>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!product) return;
    setDraft({
      title: product.title,
      description: product.description,
      brand: product.brand ?? '',
      categorySlug: product.category?.slug ?? '',
      status: product.status === 'draft' ? 'draft' : 'active',
      attributes: Object.entries(product.attributes)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n'),
      ruTitle: product.translations?.ru?.title ?? '',
      ruDescription: product.translations?.ru?.description ?? '',
      kkTitle: product.translations?.kk?.title ?? '',
      kkDescription: product.translations?.kk?.description ?? '',
      variants: product.variants?.length ? draftsFrom(product.variants, toText) : [blankVariant()],
    });
  }, [product, toText]);
  const set = (field: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [field]: e.target.value }));

  const save = useMutation({
    mutationFn: (input: ProductInput) =>
      product ? sellerCatalogApi.update(product.id, input) : sellerCatalogApi.create(input),
    onSuccess: async (saved) => {
      notify(product ? t('editor.saved') : t('editor.created'));
      await client.invalidateQueries({ queryKey: ['seller-catalog'] });
      if (!product) void navigate(`/seller/products/${saved.id}`, { replace: true });
    },
    onError: (error) => notify(errorText(error), 'error'),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { variants, errors: variantErrors } = parseVariants(draft.variants);
    const found: Record<string, string> = { ...variantErrors };
    if (draft.title.trim().length < 2) found.title = t('editor.errors.title');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const attributes = Object.fromEntries(
      draft.attributes
        .split('\n')
        .map((line) => line.split(':').map((part) => part.trim()))
        .filter((p) => p[0] && p[1])
        .map((p) => [p[0], p.slice(1).join(':')]),
    ) as Record<string, string>;
    const translation = (title: string, description: string) =>
      title.trim() ? { title: title.trim(), description } : undefined;
    const ru = translation(draft.ruTitle, draft.ruDescription);
    const kk = translation(draft.kkTitle, draft.kkDescription);
    save.mutate({
      title: draft.title.trim(),
      description: draft.description,
      brand: draft.brand.trim() || null,
      categorySlug: draft.categorySlug || null,
      status: draft.status,
      attributes,
      translations: { ...(ru ? { ru } : {}), ...(kk ? { kk } : {}) },
      variants,
    });
  }

  return (
    <form className="sc-editor" onSubmit={submit} noValidate aria-busy={save.isPending}>
      <header className="sc-head">
        <h1 className="sc-title">{product ? t('editor.editTitle') : t('editor.newTitle')}</h1>
        <Link to="/seller/products" className="btn btn--ghost">
          {t('editor.back')}
        </Link>
      </header>
      {product?.moderation && (
        <p className="sc-alert" role="note">
          {t('list.hidden', { reason: product.moderation.reason })}
        </p>
      )}
      <fieldset className="sc-fieldset">
        <legend>{t('editor.basics')}</legend>
        <TextField
          label={t('editor.title')}
          value={draft.title}
          onChange={set('title')}
          error={errors.title}
          required
          maxLength={200}
          data-testid="product-title"
        />
        <label className="sc-cell">
          <span className="sc-cell__label">{t('editor.description')}</span>
          <textarea
            className="input sc-textarea"
            value={draft.description}
            onChange={set('description')}
            rows={4}
            maxLength={10000}
          />
        </label>
        <div className="sc-grid2">
          <TextField
            label={t('editor.brand')}
            value={draft.brand}
            onChange={set('brand')}
            optional
            maxLength={100}
          />
          <label className="sc-cell">
            <span className="sc-cell__label">{t('editor.category')}</span>
            <select
              className="select"
              value={draft.categorySlug}
              onChange={set('categorySlug')}
              data-testid="product-category"
            >
              <option value="">{t('editor.noCategory')}</option>
              {categories.data?.items.map((c) => (
                <option key={c.id} value={c.slug}>{`${'— '.repeat(c.path.length - 1)}${c.name}`}</option>
              ))}
            </select>
          </label>
          <label className="sc-cell">
            <span className="sc-cell__label">{t('editor.status')}</span>
            <select className="select" value={draft.status} onChange={set('status')}>
              <option value="active">{t('status.active')}</option>
              <option value="draft">{t('status.draft')}</option>
            </select>
          </label>
        </div>
        <label className="sc-cell">
          <span className="sc-cell__label">{t('editor.attributes')}</span>
          <textarea
            className="input sc-textarea"
            value={draft.attributes}
            onChange={set('attributes')}
            rows={3}
            placeholder={t('editor.attributesHint')}
          />
        </label>
      </fieldset>
      <VariantsEditor
        rows={draft.variants}
        onChange={(variants) => setDraft((d) => ({ ...d, variants }))}
        errors={errors}
      />
      <fieldset className="sc-fieldset">
        <legend>{t('editor.translations')}</legend>
        <div className="sc-grid2">
          <TextField
            label={t('editor.ruTitle')}
            value={draft.ruTitle}
            onChange={set('ruTitle')}
            optional
            lang="ru"
          />
          <TextField
            label={t('editor.kkTitle')}
            value={draft.kkTitle}
            onChange={set('kkTitle')}
            optional
            lang="kk"
          />
          <label className="sc-cell">
            <span className="sc-cell__label">{t('editor.ruDescription')}</span>
            <textarea
              className="input sc-textarea"
              lang="ru"
              value={draft.ruDescription}
              onChange={set('ruDescription')}
              rows={3}
            />
          </label>
          <label className="sc-cell">
            <span className="sc-cell__label">{t('editor.kkDescription')}</span>
            <textarea
              className="input sc-textarea"
              lang="kk"
              value={draft.kkDescription}
              onChange={set('kkDescription')}
              rows={3}
            />
          </label>
        </div>
      </fieldset>
      {product ? (
        <ImagesEditor productId={product.id} images={product.images ?? []} />
      ) : (
        <p className="sc-muted">{t('images.afterCreate')}</p>
      )}
      <div className="sc-savebar">
        <button
          type="submit"
          className="btn btn--primary btn--large"
          disabled={save.isPending}
          data-testid="save-product"
        >
          {save.isPending ? t('common.saving') : product ? t('editor.save') : t('editor.create')}
        </button>
      </div>
    </form>
  );
}
