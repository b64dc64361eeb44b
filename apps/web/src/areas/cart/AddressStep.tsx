import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorState } from '../../components/states.tsx';
import { AddressForm } from '../account/AddressForm.tsx';
import { addressesQuery, keys, type Address, type AddressInput } from '../account/api.ts';
import '../account/cabinet.css';

/** Step 1: pick a saved address (the default first) or add one without leaving checkout. */
export function AddressStep({ value, onChange }: { value: string | null; onChange: (id: string) => void }) {
  const { t } = useTranslation('cart');
  const client = useQueryClient();
  const list = useQuery(addressesQuery);
  const [adding, setAdding] = useState(false);
  const save = useMutation({
    mutationFn: (input: AddressInput) => api.post<Address>('/me/addresses', input),
    onSuccess: async (address) => {
      setAdding(false);
      onChange(address.id);
      await client.invalidateQueries({ queryKey: keys.addresses });
    },
  });
  const addresses = list.data ?? [];
  const first = addresses.find((address) => address.isDefault) ?? addresses[0];
  useEffect(() => {
    if (!value && first) onChange(first.id);
  }, [value, first, onChange]);
  if (list.isPending) return <span className="skeleton skeleton--text" aria-hidden="true" />;
  if (list.isError)
    return (
      <ErrorState title={t('checkout.addressError')} error={list.error} onRetry={() => void list.refetch()} />
    );
  return (
    <div className="co-step__body">
      {addresses.length > 0 && (
        <div className="co-options" role="radiogroup" aria-label={t('checkout.address')}>
          {addresses.map((address) => (
            <label key={address.id} className="co-option" data-testid="checkout-address">
              <input
                type="radio"
                name="address"
                checked={value === address.id}
                onChange={() => onChange(address.id)}
              />
              <span className="co-option__text">
                <strong>{address.label ?? address.recipient}</strong>
                <span>
                  {address.street}, {address.city} {address.postalCode}
                </span>
                {(address.label ?? address.phone) && (
                  <span className="ct-muted">
                    {[address.label ? address.recipient : null, address.phone].filter(Boolean).join(' · ')}
                  </span>
                )}
              </span>
            </label>
          ))}
        </div>
      )}
      {adding || addresses.length === 0 ? (
        <AddressForm
          pending={save.isPending}
          serverError={save.error}
          onSubmit={(input) => save.mutate(input)}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="btn btn--ghost co-add" onClick={() => setAdding(true)}>
          {t('checkout.addAddress')}
        </button>
      )}
    </div>
  );
}
