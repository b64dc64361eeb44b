import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../auth/useSession.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { normaliseNumber, trackingQueries } from './api.ts';
import { TimelineSkeleton } from './ParcelTimeline.tsx';
import { LinkedParcels, ParcelStatus, ProofCard, Timeline } from './parts.tsx';
import { TrackSearch } from './TrackSearch.tsx';
import './tracking.css';

/** `/track/:trackingNumber`: the parcel's status, journey, links and proof; the recipient's details in full. */
export function TrackingPage() {
  const { t } = useTranslation('tracking');
  const { money } = useLocale();
  const number = normaliseNumber(useParams().trackingNumber ?? '');
  useDocumentTitle(t('page.title', { number }));
  const { status, user } = useSession();
  const parcel = useQuery({
    ...trackingQueries.parcel(number, user?.id ?? null),
    enabled: status !== 'restoring',
  });
  const view = parcel.data;
  return (
    <div className="container page trk">
      <TrackSearch key={number} initial={number} />
      {parcel.isPending ? (
        <TimelineSkeleton />
      ) : parcel.error instanceof ApiError && parcel.error.status === 404 ? (
        <EmptyState icon="search" title={t('page.notFound')}>
          {t('page.notFoundText')}
        </EmptyState>
      ) : parcel.error || !view ? (
        <ErrorState title={t('page.loadError')} error={parcel.error} onRetry={() => void parcel.refetch()} />
      ) : (
        <div className="trk-layout" data-testid="tracking-page" data-status={view.status}>
          <div className="trk-parcel">
            <ParcelStatus view={view} heading="h1" />
            <section className="trk-card" aria-labelledby="trk-journey">
              <h2 id="trk-journey" className="trk-subtitle">
                {t('page.timeline')}
              </h2>
              <Timeline events={view.events} />
            </section>
          </div>
          <aside className="trk-side">
            <ProofCard view={view} />
            <LinkedParcels view={view} />
            {view.full && view.recipient ? (
              <section className="trk-card" aria-labelledby="trk-recipient">
                <h2 id="trk-recipient" className="trk-subtitle">
                  {t('page.recipient')}
                </h2>
                {view.orderNumber && (
                  <p className="trk-muted">{t('page.order', { number: view.orderNumber })}</p>
                )}
                <p>{view.recipient.recipientName}</p>
                <p>
                  {view.recipient.line1}, {view.recipient.city}
                </p>
                {view.cashOnDelivery && <p>{t('page.cod', { amount: money(view.cashOnDelivery) })}</p>}
                {view.kind === 'return' && view.status === 'return_initiated' && (
                  <Link to={`/track/${view.trackingNumber}/label`} className="btn btn--secondary btn--full">
                    {t('page.label')}
                  </Link>
                )}
              </section>
            ) : (
              <p className="trk-muted trk-privacy">{t('page.privacy')}</p>
            )}
          </aside>
        </div>
      )}
    </div>
  );
}
