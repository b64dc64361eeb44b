import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, refresh } from '../../api/client.ts';
import { FormAlert, TextField } from '../../components/Field.tsx';
import { Icon } from '../../components/Icon.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { describeError } from './describeError.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { keys, meQuery, type Me } from './api.ts';

/** Edit name, phone, language and currency. */
export function ProfilePage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('profile.title'));
  const me = useQuery(meQuery);
  if (me.isPending) return <FormSkeleton rows={4} />;
  if (me.isError)
    return <ErrorState title={t('profile.loadFailed')} error={me.error} onRetry={() => void me.refetch()} />;
  return <ProfileForm me={me.data} />;
}

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const [values, setValues] = useState({
    name: me.name,
    phone: me.phone ?? '',
    locale: me.locale,
    currency: me.currency,
  });
  const [phoneError, setPhoneError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () =>
      api.patch<Me>('/me', {
        name: values.name.trim(),
        phone: values.phone.trim() === '' ? null : values.phone.replace(/[\s()-]/g, ''),
        locale: values.locale,
        currency: values.currency,
      }),
    onSuccess: async (saved) => {
      client.setQueryData(keys.me, saved);
      toast.ok(t('profile.saved'));
      // The header shows the name from the session: take a fresh token so it follows.
      await refresh().catch(() => null);
    },
    onError: (error) => toast.error(error),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const phone = values.phone.replace(/[\s()-]/g, '');
    if (phone !== '' && !/^\+[1-9][0-9]{6,14}$/.test(phone)) return setPhoneError(t('profile.phoneInvalid'));
    setPhoneError(undefined);
    save.mutate();
  }
  return (
    <section className="panel">
      <h1 className="panel__title">{t('profile.title')}</h1>
      <form className="cab-form" onSubmit={submit} noValidate data-testid="profile-form">
        {save.isError && <FormAlert>{describeError(save.error, t, tRoot)}</FormAlert>}
        <TextField
          label={t('profile.name')}
          name="name"
          required
          maxLength={100}
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
        />
        <TextField
          label={t('profile.email')}
          name="email"
          value={me.email}
          readOnly
          hint={me.emailVerified ? t('profile.verified') : t('profile.notVerified')}
        />
        <TextField
          label={t('profile.phone')}
          name="phone"
          type="tel"
          optional
          value={values.phone}
          error={phoneError}
          onChange={(e) => setValues({ ...values, phone: e.target.value })}
        />
        <div className="cab-form__row">
          <SelectField
            label={t('profile.language')}
            name="locale"
            value={values.locale}
            options={[
              ['kk', 'Қазақша'],
              ['ru', 'Русский'],
              ['en', 'English'],
            ]}
            onChange={(locale) => setValues({ ...values, locale: locale as Me['locale'] })}
          />
          <SelectField
            label={t('profile.currency')}
            name="currency"
            value={values.currency}
            options={[
              ['KZT', 'KZT ₸'],
              ['USD', 'USD $'],
              ['EUR', 'EUR €'],
              ['RUB', 'RUB ₽'],
            ]}
            onChange={(currency) => setValues({ ...values, currency: currency as Me['currency'] })}
          />
        </div>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('common.save')}
        </button>
      </form>
    </section>
  );
}

/** A labelled native select. */
export function SelectField({
  label,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  name: string;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string) => void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <span className="select-wrap">
        <select className="select" name={name} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map(([option, text]) => (
            <option key={option} value={option}>
              {text}
            </option>
          ))}
        </select>
        <Icon name="chevronDown" size={16} className="select-wrap__chevron" />
      </span>
    </label>
  );
}

/** Grey bars where a form will appear. */
export function FormSkeleton({ rows }: { rows: number }) {
  const { t } = useTranslation();
  return (
    <div className="panel" aria-busy="true">
      <span className="visually-hidden">{t('app.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} className="skeleton skeleton--text cab-skeleton" />
      ))}
    </div>
  );
}
