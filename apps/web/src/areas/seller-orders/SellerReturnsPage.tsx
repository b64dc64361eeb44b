import { useTranslation } from 'react-i18next';
import { ReturnsQueuePage } from '../orders/ReturnsQueue.tsx';
import { sellerCommands } from './api.ts';

/** Returns of the seller's goods: approve (a return shipment is issued) or reject with a note. */
export function SellerReturnsPage() {
  const { t } = useTranslation('seller-orders');
  return (
    <ReturnsQueuePage
      back={{ to: '/seller/orders', label: t('list.title') }}
      title={t('returns.title')}
      subtitle={t('returns.subtitle')}
      scope="seller"
      load={sellerCommands.returns}
      approve={sellerCommands.approve}
      reject={sellerCommands.reject}
    />
  );
}
