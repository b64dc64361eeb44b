import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ReturnsQueue } from '../orders/ReturnsQueue.tsx';
import { adminCommands } from './api.ts';

/** Every return request: the queue to approve or reject, by status. */
export function AdminReturnsPage() {
  const { t } = useTranslation('admin-orders');
  useDocumentTitle(t('returns.title'));
  return (
    <div className="od-page od-narrow">
      <nav className="od-crumbs">
        <Link to="/admin/orders">{t('list.title')}</Link>
      </nav>
      <header className="od-head">
        <div>
          <h1>{t('returns.title')}</h1>
          <p className="od-muted">{t('returns.subtitle')}</p>
        </div>
      </header>
      <ReturnsQueue
        scope="admin"
        load={adminCommands.returns}
        approve={adminCommands.approve}
        reject={adminCommands.reject}
      />
    </div>
  );
}
