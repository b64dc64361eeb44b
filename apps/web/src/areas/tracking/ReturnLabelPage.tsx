import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../auth/useSession.ts';
import { ErrorState, PageLoader } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Barcode } from '../warehouse/Barcode.tsx';
import { normaliseNumber, trackingQueries } from './api.ts';
import '../warehouse/slip.css';
import './tracking.css';

/** `/track/:trackingNumber/label`: a printable return label (the recipient's own, or staff). */
export function ReturnLabelPage() {
  const { t } = useTranslation('tracking');
  const number = normaliseNumber(useParams().trackingNumber ?? '');
  useDocumentTitle(t('labelPage.title'));
  const { status, user } = useSession();
  const parcel = useQuery({
    ...trackingQueries.parcel(number, user?.id ?? null),
    enabled: status !== 'restoring',
  });
  if (parcel.isPending) return <PageLoader />;
  if (parcel.error)
    return (
      <ErrorState title={t('page.loadError')} error={parcel.error} onRetry={() => void parcel.refetch()} />
    );
  const view = parcel.data;
  return (
    <div className="container page trk trk-label-page">
      <div className="trk-label-actions no-print">
        <Link to={`/track/${number}`} className="btn btn--ghost">
          {t('labelPage.back')}
        </Link>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => window.print()}
          disabled={!view.full}
        >
          {t('labelPage.print')}
        </button>
      </div>
      {!view.full || !view.recipient ? (
        <p className="trk-muted">{t('labelPage.signIn')}</p>
      ) : (
        <article className="trk-label" aria-label={t('labelPage.title')}>
          <div className="trk-label__head">
            <strong>Sauda · {t('labelPage.title')}</strong>
            <span className="trk-mono">{view.orderNumber}</span>
          </div>
          <Barcode value={view.trackingNumber} height={80} />
          <div className="trk-label__grid">
            <div>
              <p className="trk-label__caption">{t('labelPage.from')}</p>
              <p>{view.recipient.recipientName}</p>
              <p>{view.recipient.line1}</p>
              <p>
                {view.recipient.postalCode} {view.recipient.city}
              </p>
              {view.recipient.phone && <p>{view.recipient.phone}</p>}
            </div>
            <div>
              <p className="trk-label__caption">{t('labelPage.to')}</p>
              <p>Sauda</p>
              <p>{view.to.city}</p>
            </div>
          </div>
          <p className="trk-label__note">{t('labelPage.instructions')}</p>
        </article>
      )}
    </div>
  );
}
