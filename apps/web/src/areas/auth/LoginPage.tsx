import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert, PasswordField, TextField } from '../../components/Field.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { problemMessage } from '../../lib/problemMessage.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { signIn } from './signIn.ts';
import { TwoFactorStep } from './TwoFactorStep.tsx';
import { useAuthForm } from './useAuthForm.ts';
import { validateLogin } from './validation.ts';
import './auth.css';

/** Sign in with email and password; on success the route guard moves on to `next`. */
export function LoginPage() {
  const { t } = useTranslation();
  const { t: tAuth } = useTranslation('auth');
  const [challenge, setChallenge] = useState<string | null>(null);
  const [params] = useSearchParams();
  const { form, submit, field, setValues, formError, pending } = useAuthForm({
    fields: ['email', 'password'],
    initial: { email: '', password: '' },
    validate: validateLogin,
    send: (values) => signIn(values.email.trim(), values.password),
    // With two-factor on, the code step follows; otherwise the guard moves on once the session starts.
    onSuccess: (answer) => {
      if ('twoFactorRequired' in answer) setChallenge(answer.challengeToken);
    },
  });
  useDocumentTitle(t('auth.login.title'));

  const next = params.get('next');

  return (
    <FormCard
      title={t('auth.login.title')}
      subtitle={t('auth.login.subtitle')}
      footer={
        <>
          {t('auth.login.noAccount')}{' '}
          <Link to={next ? `/register?next=${encodeURIComponent(next)}` : '/register'}>
            {t('auth.login.registerLink')}
          </Link>
        </>
      }
    >
      {challenge !== null ? (
        <TwoFactorStep
          challengeToken={challenge}
          onRestart={() => {
            setChallenge(null);
            setValues((current) => ({ ...current, password: '' }));
          }}
        />
      ) : (
        <form ref={form} className="auth-form" onSubmit={submit} noValidate data-testid="login-form">
          {formError !== null && <FormAlert>{problemMessage(formError, t)}</FormAlert>}
          <TextField
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            inputMode="email"
            {...field('email')}
          />
          <PasswordField label={t('auth.password')} autoComplete="current-password" {...field('password')} />
          <button type="submit" className="btn btn--primary btn--full btn--large" disabled={pending}>
            {pending ? t('auth.login.submitting') : t('auth.login.submit')}
          </button>
          <Link to="/forgot-password" className="auth-card__forgot">
            {tAuth('forgot.link')}
          </Link>
        </form>
      )}
    </FormCard>
  );
}
