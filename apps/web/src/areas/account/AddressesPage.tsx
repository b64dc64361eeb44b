import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ConfirmButton } from '../../components/Confirm.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { addressesQuery, keys, type Address, type AddressInput } from './api.ts';
import { AddressForm } from './AddressForm.tsx';
import { FormSkeleton } from './ProfilePage.tsx';

/** My delivery addresses: the default first; add, edit, choose the default, delete. */
export function AddressesPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('addresses.title'));
  const toast = useToast();
  const client = useQueryClient();
  const list = useQuery(addressesQuery);
  const [editing, setEditing] = useState<Address | 'new' | null>(null);
  const invalidate = () => client.invalidateQueries({ queryKey: keys.addresses });
  const save = useMutation({
    mutationFn: (input: AddressInput) =>
      editing && editing !== 'new'
        ? api.put<Address>(`/me/addresses/${editing.id}`, input)
        : api.post<Address>('/me/addresses', input),
    onSuccess: async () => {
      toast.ok(editing === 'new' ? t('addresses.added') : t('addresses.updated'));
      setEditing(null);
      await invalidate();
    },
  });
  const makeDefault = useMutation({
    mutationFn: (id: string) => api.post(`/me/addresses/${id}/default`),
    onSuccess: async () => {
      toast.ok(t('addresses.defaultSet'));
      await invalidate();
    },
    onError: (error) => toast.error(error),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/me/addresses/${id}`),
    onSuccess: async () => {
      toast.ok(t('addresses.deleted'));
      await invalidate();
    },
    onError: (error) => toast.error(error),
  });

  return (
    <section className="panel cab-wide">
      <div className="cab-head">
        <h1 className="panel__title">{t('addresses.title')}</h1>
        {editing === null && (
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => setEditing('new')}
            data-testid="add-address"
          >
            {t('addresses.add')}
          </button>
        )}
      </div>
      {editing !== null && (
        <AddressForm
          key={editing === 'new' ? 'new' : editing.id}
          {...(editing === 'new' ? {} : { initial: editing })}
          pending={save.isPending}
          serverError={save.error}
          onSubmit={(input) => save.mutate(input)}
          onCancel={() => {
            save.reset();
            setEditing(null);
          }}
        />
      )}
      {list.isPending && <FormSkeleton rows={3} />}
      {list.isError && (
        <ErrorState
          title={t('addresses.loadFailed')}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      )}
      {list.data?.length === 0 && editing === null && (
        <EmptyState icon="box" title={t('addresses.empty')}>
          {t('addresses.emptyText')}
        </EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="cab-cards" data-testid="address-list">
          {list.data.map((address) => (
            <li key={address.id} className="cab-card" data-testid="address">
              <div className="cab-card__main">
                <p className="cab-card__title">
                  {address.label ?? address.recipient}
                  {address.isDefault && (
                    <span className="chip cab-chip--brand">{t('addresses.default')}</span>
                  )}
                </p>
                <p>{address.street}</p>
                <p>
                  {address.postalCode} {address.city},{' '}
                  {t(`addresses.countries.${address.country as 'KZ'}`, { defaultValue: address.country })}
                </p>
                {address.lat !== null && address.lng !== null && (
                  <p className="cab-muted">
                    {t('addresses.pinAt', { lat: address.lat.toFixed(5), lng: address.lng.toFixed(5) })}
                  </p>
                )}
              </div>
              <div className="cab-card__actions">
                <button type="button" className="btn btn--ghost" onClick={() => setEditing(address)}>
                  {t('common.edit')}
                </button>
                {!address.isDefault && (
                  <button
                    type="button"
                    className="btn btn--ghost"
                    onClick={() => makeDefault.mutate(address.id)}
                    disabled={makeDefault.isPending}
                  >
                    {t('addresses.makeDefault')}
                  </button>
                )}
                <ConfirmButton
                  label={t('common.delete')}
                  question={t('addresses.deleteQuestion')}
                  confirmLabel={t('common.delete')}
                  onConfirm={() => remove.mutate(address.id)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
