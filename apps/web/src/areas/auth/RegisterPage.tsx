import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { register } from '../../api/client.ts';
import { FormAlert, PasswordField, TextField } from '../../components/Field.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { toLanguage } from '../../i18n/languages.ts';
import { problemMessage } from '../../lib/problemMessage.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { focusFirstInvalid, useFieldMessage } from './useFieldMessage.ts';
import {
  normalizePhone,
  PASSWORD_MIN_LENGTH,
  serverErrors,
  validateRegister,
  type FieldErrors,
  type RegisterValues,
} from './validation.ts';
import './auth.css';

const FIELDS = ['name', 'email', 'password', 'phone'] as const;

/** Create a customer account; the new session starts at once and the route guard moves on. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const message = useFieldMessage();
  const [params] = useSearchParams();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<RegisterValues>({ name: '', email: '', password: '', phone: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof RegisterValues>>({});
  const [formError, setFormError] = useState<unknown>(null);
  useDocumentTitle(t('auth.register.title'));

  const mutation = useMutation({
    mutationFn: () =>
      register({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        ...(values.phone.trim() ? { phone: normalizePhone(values.phone) } : {}),
        locale: toLanguage(i18n.resolvedLanguage),
      }),
    onError: (error) => {
      const found = serverErrors(error, FIELDS);
      setErrors(found.fields);
      setFormError(found.formError);
      focusFirstInvalid(form.current, FIELDS, found.fields);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validateRegister(values);
    setErrors(invalid);
    setFormError(null);
    if (Object.keys(invalid).length > 0) return focusFirstInvalid(form.current, FIELDS, invalid);
    mutation.mutate();
  }

  const set = (field: keyof RegisterValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const next = params.get('next');

  return (
    <FormCard
      title={t('auth.register.title')}
      subtitle={t('auth.register.subtitle')}
      footer={
        <>
          {t('auth.register.haveAccount')}{' '}
          <Link to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>
            {t('auth.register.loginLink')}
          </Link>
        </>
      }
    >
      <form ref={form} className="auth-form" onSubmit={submit} noValidate data-testid="register-form">
        {formError !== null && <FormAlert>{problemMessage(formError, t)}</FormAlert>}
        <TextField
          label={t('auth.register.name')}
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={set('name')}
          error={message(errors.name)}
        />
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onChange={set('email')}
          error={message(errors.email)}
        />
        <PasswordField
          label={t('auth.password')}
          name="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          hint={t('auth.register.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          error={message(errors.password)}
        />
        <TextField
          label={t('auth.register.phone')}
          name="phone"
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          optional
          value={values.phone}
          onChange={set('phone')}
          hint={t('auth.register.phoneHint')}
          error={message(errors.phone)}
        />
        <button type="submit" className="btn btn--primary btn--full btn--large" disabled={mutation.isPending}>
          {mutation.isPending ? t('auth.register.submitting') : t('auth.register.submit')}
        </button>
      </form>
    </FormCard>
  );
}
