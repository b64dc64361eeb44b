/** Small pieces shared by the payment pages: ledger line labels and the ledger table. */
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/useLocale.ts';
import type { LedgerLine } from './api.ts';
import en from './messages/en.json';

type Kind = keyof typeof en.kinds;

/** The label of a ledger entry kind ("sale", "refund_sale", …). */
export function useKindLabel(): (kind: string) => string {
  const { t } = useTranslation('payment');
  return (kind) => t(`kinds.${Object.hasOwn(en.kinds, kind) ? (kind as Kind) : 'other'}`);
}

/** A ledger's lines as a table: date, what, amount (negative in red). */
export function LedgerTable({ lines, testId }: { lines: LedgerLine[]; testId: string }) {
  const { t } = useTranslation('payment');
  const { money, date } = useLocale();
  const kindLabel = useKindLabel();
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('common.date')}</th>
            <th scope="col">{t('common.kind')}</th>
            <th scope="col" className="pay-num">
              {t('common.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <td>{date(line.createdAt)}</td>
              <td>
                {kindLabel(line.kind)}
                {line.memo && !/^[0-9a-f-]{36}$/.test(line.memo) && (
                  <div className="cm-muted">{line.memo}</div>
                )}
              </td>
              <td className={`pay-num${line.amount.amount < 0 ? ' cm-amount--minus' : ''}`}>
                {money(line.amount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A labelled text input whose value is filtered by `clean` on every keystroke. */
export function LabeledInput({
  label,
  value,
  onValue,
  clean = (text) => text,
  ...rest
}: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  clean?: (text: string) => string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) {
  return (
    <label className="pay-field">
      {label}
      <input
        className="input"
        required
        value={value}
        onChange={(e) => onValue(clean(e.target.value))}
        {...rest}
      />
    </label>
  );
}
