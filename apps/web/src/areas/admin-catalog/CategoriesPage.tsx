import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field.tsx';
import { SkeletonRows } from '../../components/Skeleton.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useErrorText, useNotify } from '../seller-catalog/ui.tsx';
import { adminCatalogApi, type Category, type Names } from './api.ts';
import { AdminTabs } from './AdminTabs.tsx';

const blank = { slug: '', en: '', ru: '', kk: '', parentId: '' };

/** The category tree: create, rename (names in three languages, slug) and move under another parent. */
export function CategoriesPage() {
  const { t } = useTranslation('adminCatalog');
  useDocumentTitle(t('categories.title'));
  const notify = useNotify();
  const errorText = useErrorText();
  const client = useQueryClient();
  // Names in every language are edited, so the tree is read once per language.
  const langs = ['en', 'ru', 'kk'] as const;
  const trees = useQuery({
    queryKey: ['admin-catalog', 'categories'],
    queryFn: async ({ signal }) => Promise.all(langs.map((lang) => adminCatalogApi.categories(lang, signal))),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [form, setForm] = useState(blank);
  const names = (id: string): Names => {
    const [en, ru, kk] = (trees.data ?? []).map((tree) => tree.items.find((c) => c.id === id)?.name ?? '');
    return { en: en ?? '', ru: ru ?? '', kk: kk ?? '' };
  };
  const save = useMutation({
    mutationFn: () => {
      const input = {
        names: { en: form.en.trim(), ru: form.ru.trim(), kk: form.kk.trim() },
        parentId: form.parentId || null,
      };
      return editing
        ? adminCatalogApi.editCategory(editing, { ...input, ...(form.slug ? { slug: form.slug } : {}) })
        : adminCatalogApi.createCategory({ ...input, ...(form.slug ? { slug: form.slug } : {}) });
    },
    onSuccess: async (saved) => {
      notify(
        editing ? t('categories.saved', { name: saved.name }) : t('categories.created', { name: saved.name }),
      );
      setEditing(null);
      setForm(blank);
      await client.invalidateQueries({ queryKey: ['admin-catalog', 'categories'] });
      await client.invalidateQueries({ queryKey: ['categories'] });
    },
    onError: (error) => notify(errorText(error), 'error'),
  });
  const items: Category[] = trees.data?.[0]?.items ?? [];
  const startEdit = (c: Category) => {
    setEditing(c.id);
    setForm({ slug: c.slug, ...names(c.id), parentId: c.parentId ?? '' });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (form.en.trim() && form.ru.trim() && form.kk.trim()) save.mutate();
    else notify(t('categories.namesRequired'), 'error');
  };
  const set = (field: keyof typeof blank) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));
  return (
    <section aria-labelledby="ac-cat-title">
      <AdminTabs />
      <header className="sc-head">
        <h1 id="ac-cat-title" className="sc-title">
          {t('categories.title')}
        </h1>
      </header>
      <div className="ac-split">
        {trees.isPending ? (
          <SkeletonRows />
        ) : trees.error ? (
          <ErrorState
            title={t('common.loadError')}
            error={trees.error}
            onRetry={() => void trees.refetch()}
          />
        ) : items.length === 0 ? (
          <EmptyState title={t('categories.empty')} />
        ) : (
          <ul className="sc-list" data-testid="category-tree">
            {items.map((c) => (
              <li
                key={c.id}
                className="ac-cat"
                style={{ paddingInlineStart: `${12 + (c.path.length - 1) * 20}px` }}
              >
                <span>
                  <strong>{c.name}</strong> <span className="sc-muted">/{c.path.join('/')}</span>
                </span>
                <button
                  type="button"
                  className="btn btn--ghost"
                  onClick={() => startEdit(c)}
                  aria-label={t('categories.editNamed', { name: c.name })}
                >
                  {t('categories.edit')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form className="sc-fieldset" onSubmit={submit} aria-busy={save.isPending}>
          <h2 className="sc-subtitle">{editing ? t('categories.editTitle') : t('categories.newTitle')}</h2>
          <TextField
            label={t('categories.nameEn')}
            value={form.en}
            onChange={set('en')}
            required
            data-testid="category-en"
          />
          <TextField label={t('categories.nameRu')} value={form.ru} onChange={set('ru')} required lang="ru" />
          <TextField label={t('categories.nameKk')} value={form.kk} onChange={set('kk')} required lang="kk" />
          <TextField
            label={t('categories.slug')}
            value={form.slug}
            onChange={set('slug')}
            optional
            hint={t('categories.slugHint')}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
          />
          <label className="sc-cell">
            <span className="sc-cell__label">{t('categories.parent')}</span>
            <select className="select" value={form.parentId} onChange={set('parentId')}>
              <option value="">{t('categories.root')}</option>
              {items
                .filter((c) => c.id !== editing)
                .map((c) => (
                  <option key={c.id} value={c.id}>{`${'— '.repeat(c.path.length - 1)}${c.name}`}</option>
                ))}
            </select>
          </label>
          <div className="sc-head__actions">
            <button
              type="submit"
              className="btn btn--primary"
              disabled={save.isPending}
              data-testid="category-save"
            >
              {editing ? t('categories.save') : t('categories.create')}
            </button>
            {editing && (
              <button
                type="button"
                className="btn btn--ghost"
                onClick={() => {
                  setEditing(null);
                  setForm(blank);
                }}
              >
                {t('common.cancel')}
              </button>
            )}
          </div>
        </form>
      </div>
    </section>
  );
}
