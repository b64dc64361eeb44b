import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { send } from '../../api/http.ts';
import { useSession } from '../../auth/useSession.ts';
import { FormAlert, PasswordField, TextField } from '../../components/Field.tsx';
import { FormCard } from '../../components/FormCard.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { describeError } from '../account/describeError.ts';
import './auth.css';

/** "Forgot password": asks for the email; the answer is the same whether an account exists or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const { t: tAccount } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  useDocumentTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);
  const mutation = useMutation({
    mutationFn: () => send('/auth/forgot-password', { method: 'POST', body: { email: email.trim() } }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const bad = !/^\S+@\S+\.\S+$/.test(email.trim());
    setInvalid(bad);
    if (!bad) mutation.mutate();
  }
  if (mutation.isSuccess)
    return (
      <FormCard title={t('forgot.sentTitle')}>
        <div className="auth-card__done" role="status" data-testid="forgot-sent">
          <p>{t('forgot.sentText', { email: email.trim() })}</p>
          <Link to="/login">{t('common.backToLogin')}</Link>
        </div>
      </FormCard>
    );
  return (
    <FormCard title={t('forgot.title')} subtitle={t('forgot.subtitle')}>
      <form className="auth-form" onSubmit={submit} noValidate data-testid="forgot-form">
        {mutation.isError && <FormAlert>{describeError(mutation.error, tAccount, tRoot)}</FormAlert>}
        <TextField
          label={tRoot('auth.email')}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          error={invalid ? t('forgot.emailInvalid') : undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" className="btn btn--primary btn--full btn--large" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.sending') : t('forgot.submit')}
        </button>
        <Link to="/login" className="auth-card__forgot">
          {t('common.backToLogin')}
        </Link>
      </form>
    </FormCard>
  );
}

/** Sets a new password with the token of the mailed link. */
export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const { t: tAccount } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  useDocumentTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const mutation = useMutation({
    mutationFn: () => send('/auth/reset-password', { method: 'POST', body: { token, password } }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const short = [...password].length < 10;
    setTooShort(short);
    if (!short) mutation.mutate();
  }
  if (!token)
    return (
      <FormCard title={t('reset.title')}>
        <FormAlert>{tAccount('errors.INVALID_TOKEN')}</FormAlert>
      </FormCard>
    );
  if (mutation.isSuccess)
    return (
      <FormCard title={t('reset.doneTitle')}>
        <div className="auth-card__done" role="status" data-testid="reset-done">
          <p>{t('reset.doneText')}</p>
          <Link to="/login" className="btn btn--primary">
            {tRoot('auth.login.submit')}
          </Link>
        </div>
      </FormCard>
    );
  return (
    <FormCard title={t('reset.title')} subtitle={t('reset.subtitle')}>
      <form className="auth-form" onSubmit={submit} noValidate data-testid="reset-form">
        {mutation.isError && <FormAlert>{describeError(mutation.error, tAccount, tRoot)}</FormAlert>}
        <PasswordField
          label={t('reset.password')}
          name="password"
          autoComplete="new-password"
          hint={t('reset.hint')}
          value={password}
          error={tooShort ? t('reset.tooShort') : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="btn btn--primary btn--full btn--large" disabled={mutation.isPending}>
          {mutation.isPending ? t('common.sending') : t('reset.submit')}
        </button>
      </form>
    </FormCard>
  );
}

// One request per token, even when React runs the effect twice (StrictMode) or the page re-mounts.
const verifications = new Map<string, Promise<unknown>>();

/** Confirms the email with the token of the mailed link, as soon as the page opens. */
export function VerifyEmailPage() {
  const { t } = useTranslation('auth');
  const { t: tAccount } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  useDocumentTitle(t('verify.title'));
  const [params] = useSearchParams();
  const { status: session } = useSession();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<{ status: 'checking' | 'done' } | { status: 'failed'; error: unknown }>({
    status: 'checking',
  });
  useEffect(() => {
    if (!token) return setState({ status: 'failed', error: null });
    let pending = verifications.get(token);
    if (!pending) {
      pending = send('/auth/verify-email', { method: 'POST', body: { token } });
      verifications.set(token, pending);
    }
    let live = true;
    pending.then(
      () => live && setState({ status: 'done' }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [token]);
  return (
    <FormCard title={t('verify.title')}>
      <div
        className="auth-card__done"
        role="status"
        aria-busy={state.status === 'checking'}
        data-testid="verify-email"
        data-status={state.status}
      >
        {state.status === 'checking' && (
          <>
            <span className="spinner" aria-hidden="true" />
            <p>{t('verify.checking')}</p>
          </>
        )}
        {state.status === 'done' && (
          <>
            <p>{t('verify.done')}</p>
            <Link to={session === 'signedIn' ? '/account' : '/login'} className="btn btn--primary">
              {session === 'signedIn' ? t('verify.toAccount') : tRoot('auth.login.submit')}
            </Link>
          </>
        )}
        {state.status === 'failed' && (
          <>
            <FormAlert>
              {state.error ? describeError(state.error, tAccount, tRoot) : tAccount('errors.INVALID_TOKEN')}
            </FormAlert>
            <Link to="/account">{t('verify.askAgain')}</Link>
          </>
        )}
      </div>
    </FormCard>
  );
}
