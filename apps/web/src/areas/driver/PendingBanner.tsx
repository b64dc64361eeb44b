import { useTranslation } from 'react-i18next';
import { outbox, usePendingActions } from './api.ts';

/** "n actions waiting" while the outbox holds actions the server has not confirmed yet. */
export function PendingBanner() {
  const { t } = useTranslation('driver');
  const pending = usePendingActions();
  if (pending.length === 0) return null;
  return (
    <div className="dr-banner" role="status" data-testid="pending-banner">
      <span>{t('offline.waiting', { count: pending.length })}</span>
      <button type="button" className="btn btn--secondary" onClick={() => void outbox.flush()}>
        {t('offline.retry')}
      </button>
    </div>
  );
}
