import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { register } from '../../api/client.ts';
import { FormAlert, PasswordField, TextField } from '../../components/Field.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { toLanguage } from '../../i18n/languages.ts';
import { problemMessage } from '../../lib/problemMessage.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useAuthForm } from './useAuthForm.ts';
import { normalizePhone, PASSWORD_MIN_LENGTH, validateRegister } from './validation.ts';
import './auth.css';

/** Create a customer account; the new session starts at once and the route guard moves on. */
export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const { form, submit, field, formError, pending } = useAuthForm({
    fields: ['name', 'email', 'password', 'phone'],
    initial: { name: '', email: '', password: '', phone: '' },
    validate: validateRegister,
    send: (values) =>
      register({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        ...(values.phone.trim() ? { phone: normalizePhone(values.phone) } : {}),
        locale: toLanguage(i18n.resolvedLanguage),
      }),
  });
  useDocumentTitle(t('auth.register.title'));

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
        <TextField label={t('auth.register.name')} autoComplete="name" {...field('name')} />
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          {...field('email')}
        />
        <PasswordField
          label={t('auth.password')}
          autoComplete="new-password"
          {...field('password')}
          hint={t('auth.register.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        />
        <TextField
          label={t('auth.register.phone')}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          optional
          {...field('phone')}
          hint={t('auth.register.phoneHint')}
        />
        <button type="submit" className="btn btn--primary btn--full btn--large" disabled={pending}>
          {pending ? t('auth.register.submitting') : t('auth.register.submit')}
        </button>
      </form>
    </FormCard>
  );
}
