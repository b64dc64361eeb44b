/** Small pieces the commerce pages share: problem messages, toasts, a confirmation dialog and a pager. */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
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
    <div className="cm-toasts" aria-label={t('common.notifications')}>
      {toasts.map((toast) => (
        <p
          key={toast.id}
          className={`cm-toast ${toast.error ? 'cm-toast--error' : ''}`}
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

/** A modal question with Yes / No; the browser keeps focus inside and Escape answers No. */
export function ConfirmDialog({
  question,
  onAnswer,
}: {
  question: string | null;
  onAnswer: (yes: boolean) => void;
}) {
  const { t } = useTranslation('admin-commerce');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (question && !dialog.open) dialog.showModal();
    if (!question && dialog.open) dialog.close();
  }, [question]);
  return (
    <dialog
      ref={ref}
      className="cm-dialog"
      onCancel={() => onAnswer(false)}
      aria-labelledby="cm-confirm-text"
    >
      <p id="cm-confirm-text">{question}</p>
      <div className="cm-dialog__actions">
        <button type="button" className="btn btn--secondary" onClick={() => onAnswer(false)} autoFocus>
          {t('common.no')}
        </button>
        <button type="button" className="btn btn--danger" onClick={() => onAnswer(true)}>
          {t('common.yes')}
        </button>
      </div>
    </dialog>
  );
}

/** Asks before a destructive action: `ask(question, action)` runs the action only on Yes. */
export function useConfirm(): [ReactNode, (question: string, action: () => void) => void] {
  const [pending, setPending] = useState<{ question: string; action: () => void } | null>(null);
  const dialog = (
    <ConfirmDialog
      question={pending?.question ?? null}
      onAnswer={(yes) => {
        if (yes) pending?.action();
        setPending(null);
      }}
    />
  );
  return [dialog, (question, action) => setPending({ question, action })];
}

/** Previous / next with "page N of M"; hidden when everything fits on one page. */
export function Pager({
  page,
  total,
  perPage,
  onPage,
  labels,
}: {
  page: number;
  total: number;
  perPage: number;
  onPage: (page: number) => void;
  labels: { previous: string; next: string; pageOf: (page: number, pages: number) => string };
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  return (
    <nav className="cm-pager" aria-label={labels.pageOf(page, pages)}>
      <button
        type="button"
        className="btn btn--secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {labels.previous}
      </button>
      <span>{labels.pageOf(page, pages)}</span>
      <button
        type="button"
        className="btn btn--secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        {labels.next}
      </button>
    </nav>
  );
}

/** Rows of grey bars while a table loads. */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div className="cm-skeleton" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} className="skeleton skeleton--text" />
      ))}
    </div>
  );
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
