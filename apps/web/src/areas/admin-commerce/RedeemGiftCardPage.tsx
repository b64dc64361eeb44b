import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../components/Confirm.tsx';
import { TextField } from '../../components/Field.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { giftCardsApi } from './api.ts';
import { useProblemText, useToasts } from './ui.tsx';
import './commerce.css';

/** The customer moves a gift card's balance into their wallet (asked once, idempotent on retries). */
export function RedeemGiftCardPage() {
  const { t } = useTranslation('admin-commerce');
  useDocumentTitle(t('wallet.title'));
  const { money } = useLocale();
  const problem = useProblemText();
  const [toasts, toast] = useToasts();
  const [dialog, confirm] = useConfirm({ className: 'cm-dialog' });
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // One key per attempt: a double click or a retried request redeems once.
  const key = useRef(crypto.randomUUID());
  const redeem = useMutation({
    mutationFn: () => giftCardsApi.redeemToWallet(code.trim(), key.current),
    onSuccess: (answer) => {
      const text = t('wallet.done', { amount: money(answer.amount) });
      setDone(text);
      toast(text);
      setCode('');
      key.current = crypto.randomUUID();
    },
    onError: (e) => setError(problem(e)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    confirm(t('wallet.confirm', { code: code.trim().toUpperCase() }), () => redeem.mutate());
  };
  return (
    <div className="container page cm-page cm-narrow">
      <header className="cm-head">
        <div>
          <h1>{t('wallet.title')}</h1>
          <p>{t('wallet.subtitle')}</p>
        </div>
      </header>
      <form className="cm-card rv__form" onSubmit={submit} data-testid="redeem-gift-card">
        <TextField
          label={t('wallet.code')}
          hint={t('wallet.codeHint')}
          required
          minLength={4}
          maxLength={40}
          autoComplete="off"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={error ?? undefined}
        />
        <div>
          <button type="submit" className="btn btn--primary" disabled={redeem.isPending || !code.trim()}>
            {redeem.isPending ? t('wallet.submitting') : t('wallet.submit')}
          </button>
        </div>
        {done && (
          <div className="rv__answer" role="status">
            <strong>{done}</strong>
            <p>{t('wallet.doneText')}</p>
          </div>
        )}
      </form>
      {dialog}
      {toasts}
    </div>
  );
}
