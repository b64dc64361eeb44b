import { useTranslation } from 'react-i18next';
import { ReturnsQueuePage } from '../orders/ReturnsQueue.tsx';
import { adminCommands } from './api.ts';

/** Every return request: the queue to approve or reject, by status. */
export function AdminReturnsPage() {
  const { t } = useTranslation('admin-orders');
  return (
    <ReturnsQueuePage
      back={{ to: '/admin/orders', label: t('list.title') }}
      title={t('returns.title')}
      subtitle={t('returns.subtitle')}
      scope="admin"
      load={adminCommands.returns}
      approve={adminCommands.approve}
      reject={adminCommands.reject}
    />
  );
}
