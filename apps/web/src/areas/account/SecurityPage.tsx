import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormAlert, PasswordField, TextField } from '../../components/Field.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { keys, meQuery, type Me } from './api.ts';
import { describeError } from './describeError.ts';
import { FormSkeleton } from './ProfilePage.tsx';

/** Password change and two-factor sign-in. */
export function SecurityPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('security.title'));
  const me = useQuery(meQuery);
  return (
    <div className="cab-stack">
      <PasswordPanel />
      {me.isPending && <FormSkeleton rows={2} />}
      {me.isError && (
        <ErrorState title={t('profile.loadFailed')} error={me.error} onRetry={() => void me.refetch()} />
      )}
      {me.data && <TwoFactorPanel me={me.data} />}
    </div>
  );
}

function PasswordPanel() {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const toast = useToast();
  const [v, setV] = useState({ currentPassword: '', newPassword: '' });
  const change = useMutation({
    mutationFn: () => api.post('/me/password', v),
    onSuccess: () => {
      setV({ currentPassword: '', newPassword: '' });
      toast.ok(t('security.passwordChanged'));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  return (
    <section className="panel">
      <h1 className="panel__title">{t('security.password')}</h1>
      <form className="cab-form" onSubmit={submit} data-testid="password-form">
        {change.isError && <FormAlert>{describeError(change.error, t, tRoot)}</FormAlert>}
        <PasswordField
          label={t('security.current')}
          name="currentPassword"
          autoComplete="current-password"
          required
          value={v.currentPassword}
          onChange={(e) => setV({ ...v, currentPassword: e.target.value })}
        />
        <PasswordField
          label={t('security.new')}
          name="newPassword"
          autoComplete="new-password"
          required
          minLength={10}
          hint={t('security.newHint')}
          value={v.newPassword}
          onChange={(e) => setV({ ...v, newPassword: e.target.value })}
        />
        <button type="submit" className="btn btn--primary" disabled={change.isPending}>
          {change.isPending ? t('common.saving') : t('security.changePassword')}
        </button>
      </form>
    </section>
  );
}

function TwoFactorPanel({ me }: { me: Me }) {
  const { t } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const begin = useMutation({
    mutationFn: () => api.post<{ secret: string; otpauthUrl: string }>('/me/two-factor/setup'),
    onSuccess: setSetup,
    onError: (error) => toast.error(error),
  });
  const enable = useMutation({
    mutationFn: () => api.post<{ recoveryCodes: string[] }>('/me/two-factor/enable', { code: code.trim() }),
    onSuccess: async (answer) => {
      setRecoveryCodes(answer.recoveryCodes);
      setSetup(null);
      setCode('');
      toast.ok(t('twoFactor.enabled'));
      await client.invalidateQueries({ queryKey: keys.me });
    },
  });
  const disable = useMutation({
    mutationFn: () => api.post('/me/two-factor/disable', { password }),
    onSuccess: async () => {
      setPassword('');
      setRecoveryCodes(null);
      toast.ok(t('twoFactor.disabled'));
      await client.invalidateQueries({ queryKey: keys.me });
    },
  });
  return (
    <section className="panel" data-testid="two-factor">
      <h2 className="panel__title">{t('twoFactor.title')}</h2>
      <p className="cab-muted">{me.twoFactorEnabled ? t('twoFactor.on') : t('twoFactor.off')}</p>
      {recoveryCodes && (
        <div className="cab-notice" role="status">
          <p>{t('twoFactor.recoveryIntro')}</p>
          <ul className="cab-codes">
            {recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!me.twoFactorEnabled && !setup && (
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => begin.mutate()}
          disabled={begin.isPending}
        >
          {t('twoFactor.start')}
        </button>
      )}
      {!me.twoFactorEnabled && setup && (
        <form className="cab-form" onSubmit={(e) => (e.preventDefault(), enable.mutate())}>
          <p>{t('twoFactor.scan')}</p>
          <p>
            <a href={setup.otpauthUrl}>{t('twoFactor.openApp')}</a>
          </p>
          <p className="cab-muted">{t('twoFactor.orType')}</p>
          <code className="cab-secret" data-testid="totp-secret">
            {setup.secret.replace(/(.{4})/g, '$1 ').trim()}
          </code>
          {enable.isError && <FormAlert>{describeError(enable.error, t, tRoot)}</FormAlert>}
          <TextField
            label={t('twoFactor.code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            pattern="[0-9]{6}"
            required
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <button type="submit" className="btn btn--primary" disabled={enable.isPending}>
            {t('twoFactor.confirm')}
          </button>
        </form>
      )}
      {me.twoFactorEnabled && (
        <form className="cab-form" onSubmit={(e) => (e.preventDefault(), disable.mutate())}>
          {disable.isError && <FormAlert>{describeError(disable.error, t, tRoot)}</FormAlert>}
          <PasswordField
            label={t('twoFactor.passwordToDisable')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="btn btn--danger" disabled={disable.isPending}>
            {t('twoFactor.disable')}
          </button>
        </form>
      )}
    </section>
  );
}
