import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problemMessage.ts';
import { Icon, type IconName } from './Icon.tsx';

/** A centred message for empty results and missing things, with an optional action. */
export function EmptyState({
  icon = 'box',
  title,
  children,
  action,
}: {
  icon?: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="state">
      <span className="state__icon">
        <Icon name={icon} size={28} />
      </span>
      <h2 className="state__title">{title}</h2>
      {children && <p className="state__text">{children}</p>}
      {action && <div className="state__action">{action}</div>}
    </div>
  );
}

/** A failed load: what went wrong, in the visitor's language, and a retry button. */
export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  /** Without it the state only explains (e.g. a 404 that asking again will not fix). */
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="state state--error" role="alert">
      <span className="state__icon">
        <Icon name="alert" size={28} />
      </span>
      <h2 className="state__title">{title}</h2>
      <p className="state__text">{problemMessage(error, t)}</p>
      {onRetry && (
        <div className="state__action">
          <button type="button" className="btn btn--primary" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </div>
      )}
    </div>
  );
}

/** A spinner for page loads; it appears only after a short delay so fast loads do not flash. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <div className="page-loader" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{t('app.loading')}</span>
    </div>
  );
}
