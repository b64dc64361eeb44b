import type { TrackingEventView, TrackingView } from '@sauda/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Icon } from '../../components/Icon.tsx';
import { useLocale } from '../../lib/useLocale.ts';
import { clockTime, eventTime } from './format.ts';
import { toneOf } from './statusTone.ts';

/** A status as a coloured pill. */
export function StatusBadge({ status }: { status: TrackingView['status'] }) {
  const { t } = useTranslation('tracking');
  return <span className={`trk-badge trk-badge--${toneOf(status)}`}>{t(`status.${status}`)}</span>;
}

/** The head of a parcel: status, route, promised date, ETA window when out for delivery, attempts. */
export function ParcelStatus({ view, heading = 'h2' }: { view: TrackingView; heading?: 'h1' | 'h2' }) {
  const { t } = useTranslation('tracking');
  const { language, date } = useLocale();
  const Heading = heading;
  const zone = view.events[0]?.timeZone ?? 'Asia/Almaty';
  const failure = view.events.find((event) => event.code === 'delivery_failed');
  return (
    <header className={`trk-head trk-head--${toneOf(view.status)}`}>
      <div className="trk-head__top">
        <span className="trk-head__icon" aria-hidden="true">
          <Icon name={view.kind === 'outbound' ? 'truck' : 'box'} size={26} />
        </span>
        <div className="trk-head__title">
          <Heading className="trk-head__status">{t(`status.${view.status}`)}</Heading>
          <p className="trk-head__number">
            {t(`kind.${view.kind}`)} · <span className="trk-mono">{view.trackingNumber}</span>
          </p>
        </div>
      </div>
      <p className="trk-route">
        <span>{t('page.from', { city: view.from.city || '—' })}</span>
        <Icon name="chevronRight" size={16} />
        <span>{t('page.to', { city: view.to.city })}</span>
      </p>
      <ul className="trk-facts">
        <li>
          {t('page.promised', { date: date(view.promisedDate) })}
          {view.late && <span className="trk-chip trk-chip--late">{t('page.late')}</span>}
        </li>
        {view.eta && (
          <li className="trk-facts__eta">
            {t('page.eta', {
              from: clockTime(view.eta.from, zone, language),
              to: clockTime(view.eta.to, zone, language),
            })}
          </li>
        )}
        {view.attempts > 0 && <li>{t('page.attempts', { count: view.attempts })}</li>}
        {view.status === 'delivery_failed' && failure?.reason && (
          <li>{t(`reason.${failure.reason}`, failure.reason)}</li>
        )}
        {view.nextAction && <li className="trk-facts__next">{t(`next.${view.nextAction}`)}</li>}
        {view.carrier && (
          <li>{t('page.carrier', { carrier: view.carrier === 'kazpost' ? 'KazPost' : view.carrier })}</li>
        )}
      </ul>
    </header>
  );
}

type PlaceKind = NonNullable<TrackingEventView['place']>['kind'];

function placeText(event: TrackingEventView, kindName: (kind: PlaceKind) => string): string | null {
  const place = event.place;
  if (!place) return null;
  const what = place.name ?? kindName(place.kind);
  return place.city && !what.includes(place.city) ? `${what}, ${place.city}` : what;
}

/** The vertical timeline, newest first. */
export function Timeline({ events }: { events: TrackingEventView[] }) {
  const { t } = useTranslation('tracking');
  const { language } = useLocale();
  const kind = (k: PlaceKind) => t(`place.${k}`);
  if (events.length === 0) return <p className="trk-muted">{t('page.empty')}</p>;
  return (
    <ol className="trk-timeline">
      {events.map((event, i) => (
        <li key={event.id} className={`trk-event ${i === 0 ? 'trk-event--latest' : ''}`}>
          <span
            className={`trk-event__dot ${event.status ? `trk-event__dot--${toneOf(event.status)}` : ''}`}
          />
          <div className="trk-event__body">
            <p className="trk-event__title">
              {t(`code.${event.code}`)}
              {event.carrierCode && <span className="trk-mono trk-event__code"> {event.carrierCode}</span>}
            </p>
            {event.reason && <p className="trk-event__reason">{t(`reason.${event.reason}`, event.reason)}</p>}
            {event.nextAction && <p className="trk-event__reason">{t(`next.${event.nextAction}`)}</p>}
            <p className="trk-event__meta">
              <time dateTime={event.occurredAt}>{eventTime(event.occurredAt, event.timeZone, language)}</time>
              {placeText(event, kind) && <span> · {placeText(event, kind)}</span>}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Returns and returns to sender of this parcel, or the parcel a return brings back. */
export function LinkedParcels({ view }: { view: TrackingView }) {
  const { t } = useTranslation('tracking');
  if (view.linked.length === 0) return null;
  return (
    <section className="trk-card" aria-labelledby="trk-linked">
      <h2 id="trk-linked" className="trk-subtitle">
        {t('page.linked')}
      </h2>
      <ul className="trk-links">
        {view.linked.map((link) => (
          <li key={link.trackingNumber}>
            <Link to={`/track/${link.trackingNumber}`} className="trk-link-row">
              <span>
                <span className="trk-link-row__relation">{t(`relation.${link.relation}`)}</span>
                <span className="trk-mono">{link.trackingNumber}</span>
              </span>
              <StatusBadge status={link.status} />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Proof of delivery: how, when, and (for the recipient) who signed. */
export function ProofCard({ view }: { view: TrackingView }) {
  const { t } = useTranslation('tracking');
  const { language } = useLocale();
  if (!view.proof) return null;
  return (
    <section className="trk-card trk-proof" aria-labelledby="trk-proof">
      <h2 id="trk-proof" className="trk-subtitle">
        {t('page.proof')}
      </h2>
      <p>{eventTime(view.proof.at, view.events[0]?.timeZone ?? 'Asia/Almaty', language)}</p>
      {view.proof.recipientName && <p>{t('page.proofBy', { name: view.proof.recipientName })}</p>}
      {view.proof.hasMedia && <p className="trk-muted">{t('page.proofPhoto')}</p>}
    </section>
  );
}
