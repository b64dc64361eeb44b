import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/states.tsx';
import { useSession } from '../../auth/useSession.ts';
import { trackingQueries } from './api.ts';
import { LinkedParcels, ParcelStatus, Timeline } from './parts.tsx';
import './tracking.css';

/**
 * One parcel's status and journey, loaded by its tracking number: the order page embeds it, the
 * tracking page shows it in full. The recipient (signed in) sees full details; others city-level ones.
 */
export function ParcelTimeline({ trackingNumber }: { trackingNumber: string }) {
  const { t } = useTranslation('tracking');
  const { status, user } = useSession();
  const parcel = useQuery({
    ...trackingQueries.parcel(trackingNumber, user?.id ?? null),
    enabled: status !== 'restoring',
  });
  if (parcel.isPending) return <TimelineSkeleton />;
  if (parcel.error)
    return (
      <ErrorState title={t('page.loadError')} error={parcel.error} onRetry={() => void parcel.refetch()} />
    );
  return (
    <div className="trk-parcel" data-testid="parcel-timeline">
      <ParcelStatus view={parcel.data} />
      <section className="trk-card" aria-label={t('page.timeline')}>
        <Timeline events={parcel.data.events} />
      </section>
      <LinkedParcels view={parcel.data} />
    </div>
  );
}

/** Placeholder while a parcel loads. */
export function TimelineSkeleton() {
  return (
    <div className="trk-parcel" aria-hidden="true">
      <div className="trk-head">
        <span className="skeleton skeleton--title" style={{ width: '40%' }} />
        <span className="skeleton skeleton--text" style={{ width: '65%' }} />
      </div>
      <div className="trk-card">
        {[0, 1, 2].map((i) => (
          <span key={i} className="skeleton skeleton--text" style={{ width: `${70 - i * 12}%` }} />
        ))}
      </div>
    </div>
  );
}
