import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, TextField } from '../../components/Field.tsx';
import { describeError } from '../account/describeError.ts';
import { completeTwoFactor } from './signIn.ts';

/** The code step of a two-factor sign-in; a recovery code works instead of the app's code. */
export function TwoFactorStep({
  challengeToken,
  onRestart,
}: {
  challengeToken: string;
  onRestart: () => void;
}) {
  const { t } = useTranslation('auth');
  const { t: tAccount } = useTranslation('account');
  const { t: tRoot } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      completeTwoFactor(
        challengeToken,
        useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') },
      ),
  });
  const expired = mutation.error && 'code' in mutation.error && mutation.error.code === 'INVALID_CHALLENGE';
  function submit(event: FormEvent) {
    event.preventDefault();
    if (expired) return onRestart();
    mutation.mutate();
  }
  return (
    <form className="auth-form" onSubmit={submit} noValidate data-testid="two-factor-form">
      <p className="form-card__subtitle">
        {useRecovery ? t('twoFactor.recoveryIntro') : t('twoFactor.intro')}
      </p>
      {mutation.isError && <FormAlert>{describeError(mutation.error, tAccount, tRoot)}</FormAlert>}
      <TextField
        key={useRecovery ? 'recovery' : 'code'}
        label={useRecovery ? t('twoFactor.recoveryCode') : t('twoFactor.code')}
        name="code"
        autoComplete="one-time-code"
        inputMode={useRecovery ? 'text' : 'numeric'}
        maxLength={useRecovery ? 32 : 6}
        autoFocus
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="btn btn--primary btn--full btn--large" disabled={mutation.isPending}>
        {expired
          ? t('twoFactor.restart')
          : mutation.isPending
            ? t('twoFactor.checking')
            : t('twoFactor.submit')}
      </button>
      <button
        type="button"
        className="btn btn--ghost btn--full"
        onClick={() => {
          setUseRecovery((current) => !current);
          setValue('');
          mutation.reset();
        }}
      >
        {useRecovery ? t('twoFactor.useApp') : t('twoFactor.useRecovery')}
      </button>
    </form>
  );
}
