import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useProblemText, useToasts } from '../admin-commerce/ui.tsx';
import '../admin-commerce/commerce.css';
import { paymentApi, type CardToken } from './api.ts';
import './payment.css';
import { LabeledInput } from './ui.tsx';
import type en from './messages/en.json';

type Scenario = keyof typeof en.card.scenario;
const TEST_CARDS: [string, Scenario][] = [
  ['4242 4242 4242 4242', 'approve'],
  ['4000 0000 0000 9995', 'insufficient_funds'],
  ['4000 0000 0000 0002', 'do_not_honour'],
  ['4000 0000 0000 9979', 'stolen_card'],
  ['4000 0000 0000 3220', 'challenge'],
  ['4000 0000 0000 0119', 'timeout'],
  ['4000 0000 0000 0259', 'late_answer'],
];

/** The card form: the number goes straight to payment (tokenised), then the token is saved with users. */
export function AddCardPage() {
  const { t } = useTranslation('payment');
  useDocumentTitle(t('card.title'));
  const [toasts, toast] = useToasts();
  const problem = useProblemText();
  const [number, setNumber] = useState('');
  const [expiry, setExpiry] = useState('');
  const [cvc, setCvc] = useState('');
  const [saved, setSaved] = useState<CardToken | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const match = /^(\d{1,2})\s*\/\s*(\d{2})$/.exec(expiry.trim());
      if (!match) throw new Error(t('card.invalidExpiry'));
      const card = await paymentApi.tokenise({
        number: number.replace(/\s+/g, ''),
        expMonth: Number(match[1]),
        expYear: 2000 + Number(match[2]),
        cvc,
      });
      await paymentApi.saveMethod(card.token);
      return card;
    },
    onSuccess: (card) => {
      // The number and the code leave memory as soon as the token exists.
      setNumber('');
      setCvc('');
      setSaved(card);
      toast(t('card.savedAs', { brand: card.brand, last4: card.last4 }));
    },
    onError: (error) =>
      toast(error instanceof Error && !('code' in error) ? error.message : problem(error), true),
  });
  // The number keeps the spaces people type in groups; the CVC is digits only.
  const fields = [
    {
      key: 'number',
      label: t('card.number'),
      autoComplete: 'cc-number',
      maxLength: 23,
      value: number,
      onValue: setNumber,
      clean: (x: string) => x.replace(/[^\d ]/g, ''),
    },
    {
      key: 'expiry',
      label: t('card.expiry'),
      autoComplete: 'cc-exp',
      placeholder: '12/30',
      value: expiry,
      onValue: setExpiry,
    },
    {
      key: 'cvc',
      label: t('card.cvc'),
      autoComplete: 'cc-csc',
      maxLength: 4,
      value: cvc,
      onValue: setCvc,
      clean: (x: string) => x.replace(/\D/g, ''),
    },
  ];
  const [numberInput, ...rowInputs] = fields.map(({ key, ...field }) => (
    <LabeledInput key={key} {...field} />
  ));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <div className="container page cm-page cm-narrow">
      <header className="cm-head">
        <div>
          <h1>{t('card.title')}</h1>
          <p>{t('card.subtitle')}</p>
        </div>
      </header>
      <form className="cm-card cm-form pay-card-form" onSubmit={submit} autoComplete="on">
        {numberInput}
        <div className="pay-row">{rowInputs}</div>
        <button type="submit" className="btn btn--primary" disabled={save.isPending}>
          {save.isPending ? t('card.saving') : t('card.submit')}
        </button>
        {saved && (
          <p className="pay-ok" role="status">
            {t('card.savedAs', { brand: saved.brand, last4: saved.last4 })}
          </p>
        )}
      </form>
      <section className="cm-card pay-test-cards">
        <h2 className="pay-h2">{t('card.testCards')}</h2>
        <p className="cm-muted">{t('card.testCardsText')}</p>
        <ul>
          {TEST_CARDS.map(([card, scenario]) => (
            <li key={card}>
              <code className="cm-code">{card}</code> — {t(`card.scenario.${scenario}`)}
            </li>
          ))}
        </ul>
      </section>
      {toasts}
    </div>
  );
}
