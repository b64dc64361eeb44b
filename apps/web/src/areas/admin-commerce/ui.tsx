/** Small pieces the commerce pages share: problem messages, toasts and form parts. */
import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { problemMessage } from '../../lib/problemMessage.ts';
import { useLocale } from '../../lib/useLocale.ts';
import en from './messages/en.json';

type CommerceCode = keyof typeof en.errors;

/** A translated sentence for a failed call: this area's own codes first, then the app's. */
export function useProblemText(): (error: unknown) => string {
  const { t } = useTranslation('admin-commerce');
  const { t: tRoot } = useTranslation();
  return useCallback(
    (error: unknown) =>
      error instanceof ApiError && Object.hasOwn(en.errors, error.code)
        ? t(`errors.${error.code as CommerceCode}`)
        : problemMessage(error, tRoot),
    [t, tRoot],
  );
}

interface Toast {
  id: number;
  text: string;
  error: boolean;
}

/** Short messages after actions, read out by screen readers; returns the region and a function to show one. */
export function useToasts(): [ReactNode, (text: string, error?: boolean) => void] {
  const { t } = useTranslation('admin-commerce');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const counter = useRef(0);
  const show = useCallback((text: string, error = false) => {
    counter.current += 1;
    const id = counter.current;
    setToasts((all) => [...all.slice(-2), { id, text, error }]);
    window.setTimeout(() => setToasts((all) => all.filter((toast) => toast.id !== id)), error ? 6000 : 3500);
  }, []);
  const region = (
    <div className="toasts" role="region" aria-label={t('common.notifications')}>
      {toasts.map((toast) => (
        <p
          key={toast.id}
          className={`toast toast--${toast.error ? 'error' : 'ok'}`}
          role={toast.error ? 'alert' : 'status'}
          data-testid="toast"
        >
          {toast.text}
        </p>
      ))}
    </div>
  );
  return [region, show];
}

/** A labelled multi-line text field. */
export function TextAreaField({
  label,
  value,
  onChange,
  maxLength,
  autoFocus = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <textarea
        id={id}
        className="textarea"
        value={value}
        maxLength={maxLength}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** The first line of a review: its stars (read out as `starsLabel`), the author and the date, then `extra`. */
export function ReviewHeader({
  rating,
  starsLabel,
  author,
  createdAt,
  extra,
}: {
  rating: number;
  starsLabel: string;
  author: string;
  createdAt: string;
  extra?: ReactNode;
}) {
  const { date } = useLocale();
  return (
    <header>
      <span className="rv__stars" aria-label={starsLabel}>
        {'★'.repeat(rating) + '☆'.repeat(5 - rating)}
      </span>
      <strong>{author}</strong>
      <time className="cm-muted" dateTime={createdAt}>
        {date(createdAt)}
      </time>
      {extra}
    </header>
  );
}
