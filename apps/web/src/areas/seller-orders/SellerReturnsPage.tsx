import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ReturnsQueue } from '../orders/ReturnsQueue.tsx';
import { sellerCommands } from './api.ts';

/** Returns of the seller's goods: approve (a return shipment is issued) or reject with a note. */
export function SellerReturnsPage() {
  const { t } = useTranslation('seller-orders');
  useDocumentTitle(t('returns.title'));
  return (
    <div className="od-page od-narrow">
      <nav className="od-crumbs">
        <Link to="/seller/orders">{t('list.title')}</Link>
      </nav>
      <header className="od-head">
        <div>
          <h1>{t('returns.title')}</h1>
          <p className="od-muted">{t('returns.subtitle')}</p>
        </div>
      </header>
      <ReturnsQueue
        scope="seller"
        load={sellerCommands.returns}
        approve={sellerCommands.approve}
        reject={sellerCommands.reject}
      />
    </div>
  );
}
