import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormAlert, PasswordField, TextField } from '../../components/Field.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { problemMessage } from '../../lib/problemMessage.ts';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { signIn } from './signIn.ts';
import { TwoFactorStep } from './TwoFactorStep.tsx';
import { focusFirstInvalid, useFieldMessage } from './useFieldMessage.ts';
import { serverErrors, validateLogin, type FieldErrors, type LoginValues } from './validation.ts';
import './auth.css';

const FIELDS = ['email', 'password'] as const;

/** Sign in with email and password; on success the route guard moves on to `next`. */
export function LoginPage() {
  const { t } = useTranslation();
  const { t: tAuth } = useTranslation('auth');
  const [challenge, setChallenge] = useState<string | null>(null);
  const message = useFieldMessage();
  const [params] = useSearchParams();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<LoginValues>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof LoginValues>>({});
  const [formError, setFormError] = useState<unknown>(null);
  useDocumentTitle(t('auth.login.title'));

  const mutation = useMutation({
    mutationFn: () => signIn(values.email.trim(), values.password),
    onSuccess: (answer) => {
      // With two-factor on, the code step follows; otherwise the guard moves on once the session starts.
      if ('twoFactorRequired' in answer) setChallenge(answer.challengeToken);
    },
    onError: (error) => {
      const found = serverErrors(error, FIELDS);
      setErrors(found.fields);
      setFormError(found.formError);
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const invalid = validateLogin(values);
    setErrors(invalid);
    setFormError(null);
    if (Object.keys(invalid).length > 0) return focusFirstInvalid(form.current, FIELDS, invalid);
    mutation.mutate();
  }

  const set = (field: keyof LoginValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
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
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            value={values.email}
            onChange={set('email')}
            error={message(errors.email)}
          />
          <PasswordField
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            value={values.password}
            onChange={set('password')}
            error={message(errors.password)}
          />
          <button
            type="submit"
            className="btn btn--primary btn--full btn--large"
            disabled={mutation.isPending}
          >
            {mutation.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
          </button>
          <Link to="/forgot-password" className="auth-card__forgot">
            {tAuth('forgot.link')}
          </Link>
        </form>
      )}
    </FormCard>
  );
}
