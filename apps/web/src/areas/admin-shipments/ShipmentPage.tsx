import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { eventTime } from '../tracking/format.ts';
import { StatusBadge } from '../tracking/parts.tsx';
import { shipmentQueries, type ShipmentDetail } from './api.ts';
import { ManualEventForm } from './ManualEventForm.tsx';

/** `/admin/shipments/:id`: every fact of a shipment, its links, the full log with raw carrier data, the manual form. */
export function ShipmentPage() {
  const { t } = useTranslation('admin-shipments');
  const id = useParams().id ?? '';
  const detail = useQuery(shipmentQueries.detail(id));
  useDocumentTitle(t('detail.title', { number: detail.data?.trackingNumber ?? '' }));
  if (detail.isPending) return <PageLoader />;
  if (detail.error)
    return (
      <ErrorState title={t('common.loadError')} error={detail.error} onRetry={() => void detail.refetch()} />
    );
  const s = detail.data;
  return (
    <section className="shp-page" aria-labelledby="shp-title" data-testid="shipment-detail">
      <Link to="/admin/shipments" className="shp-back">
        ← {t('common.back')}
      </Link>
      <div className="shp-title-row">
        <h1 id="shp-title" className="trk-title trk-mono">
          {s.trackingNumber}
        </h1>
        <StatusBadge status={s.status} />
      </div>
      <Link to={`/track/${s.trackingNumber}`} className="shp-link">
        {t('detail.public')}
      </Link>
      <div className="shp-layout">
        <div className="shp-main">
          <Facts s={s} />
          <Log s={s} />
        </div>
        <ManualEventForm shipmentId={s.id} />
      </div>
    </section>
  );
}

function Facts({ s }: { s: ShipmentDetail }) {
  const { t } = useTranslation('admin-shipments');
  const { t: tt } = useTranslation('tracking');
  const { money, date } = useLocale();
  const rows: Array<[string, React.ReactNode]> = [
    [t('detail.order'), s.orderNumber ?? s.orderId],
    [t('detail.recipient'), `${s.recipient.recipientName ?? ''} · ${s.recipient.line1}, ${s.recipient.city}`],
    [t('detail.promised'), `${date(s.promisedDate)}${s.late ? ` · ${t('list.late')}` : ''}`],
    [t('detail.weight'), t('detail.grams', { grams: s.weightGrams })],
    [t('detail.size'), `${s.dimensionsCm.l}×${s.dimensionsCm.w}×${s.dimensionsCm.h} cm`],
    [t('detail.lines'), s.lines.map((line) => `${line.quantity}× ${line.variantId.slice(-8)}`).join(', ')],
  ];
  if (s.carrier) rows.push([t('detail.carrier'), `${s.carrier} · ${s.carrierRef ?? ''}`]);
  if (s.cashOnDelivery) rows.push([t('detail.cod'), money(s.cashOnDelivery)]);
  return (
    <section className="trk-card" aria-labelledby="shp-facts">
      <h2 id="shp-facts" className="trk-subtitle">
        {t('detail.facts')} · {tt(`kind.${s.kind}`)}
      </h2>
      <dl className="shp-facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {s.linked.length > 0 && (
        <ul className="trk-links">
          {s.linked.map((link) => (
            <li key={link.trackingNumber}>
              <Link to={`/track/${link.trackingNumber}`} className="trk-link-row">
                <span>
                  <span className="trk-link-row__relation">{tt(`relation.${link.relation}`)}</span>
                  <span className="trk-mono">{link.trackingNumber}</span>
                </span>
                <StatusBadge status={link.status} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Log({ s }: { s: ShipmentDetail }) {
  const { t } = useTranslation('admin-shipments');
  const { t: tt } = useTranslation('tracking');
  const { language } = useLocale();
  return (
    <section className="trk-card" aria-labelledby="shp-log">
      <h2 id="shp-log" className="trk-subtitle">
        {t('detail.log')}
      </h2>
      <ol className="shp-log">
        {s.events.map((event) => (
          <li key={event.id} className="shp-log__item">
            <div className="shp-log__head">
              <strong>{tt(`code.${event.code}`)}</strong>
              {event.status ? (
                <StatusBadge status={event.status} />
              ) : (
                <span className="trk-muted">{t('detail.noStatus')}</span>
              )}
            </div>
            <p className="trk-muted">
              {eventTime(event.occurredAt, event.timeZone, language)}
              {event.place &&
                ` · ${[event.place.name ?? tt(`place.${event.place.kind}`), event.place.city].filter(Boolean).join(', ')}`}
            </p>
            {event.reason && <p>{tt(`reason.${event.reason}`, event.reason)}</p>}
            {event.note && (
              <p>
                {t('detail.note')}: {event.note}
              </p>
            )}
            <p className="shp-log__meta">
              {t('detail.source')}: <code>{event.source}</code> · <code>{event.externalId}</code>
              {event.actor && (
                <>
                  {' '}
                  · {t('detail.actor')}: <code>{event.actor.slice(-12)}</code>
                </>
              )}
            </p>
            {event.rawCode && (
              <details className="shp-raw">
                <summary>
                  {t('detail.raw')}: <code>{event.rawCode}</code> {event.rawMessage}
                </summary>
                <pre>{JSON.stringify(event.raw, null, 2)}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
