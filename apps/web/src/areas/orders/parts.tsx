/** Pieces every order page shares (customer, seller, admin): status chips, lines, parcels, timeline, returns. */
import type { OrderLine, ReturnRequest, SellerOrder } from '@sauda/contracts';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../lib/useLocale.ts';
import { ProductImage } from '../storefront/ProductImage.tsx';
import { ParcelTimeline } from '../tracking/ParcelTimeline.tsx';
import en from './messages/en.json';
import { toneOf } from './progress.ts';
import './orders.css';

type Status = keyof typeof en.status;
type Failure = keyof typeof en.failure;

/** A status as a coloured chip, in the reader's language. */
export function StatusChip({ status, testId }: { status: string; testId?: string }) {
  const label = useStatusLabel();
  return (
    <span className={`od-chip od-chip--${toneOf(status)}`} data-testid={testId} data-status={status}>
      {label(status)}
    </span>
  );
}

/** The translated name of any order, seller order or return status. */
export function useStatusLabel(): (status: string) => string {
  const { t } = useTranslation('orders');
  return useCallback(
    (status: string) => (Object.hasOwn(en.status, status) ? t(`status.${status as Status}`) : status),
    [t],
  );
}

/** Date and time, short, in the reader's language ("21.11, 09:37" where the browser lacks month names). */
export function useDateTime(): (iso: string) => string {
  const { language } = useLocale();
  const format = useMemo(() => {
    const named = new Intl.DateTimeFormat(language, { month: 'short' }).format(new Date(2026, 0, 15));
    // Trimmed ICU data (Kazakh in some Chromium builds) names months "M01": use digits then.
    return /\d/.test(named)
      ? new Intl.DateTimeFormat('ru-KZ', {
          day: '2-digit',
          month: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
        })
      : new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
          day: 'numeric',
          month: 'short',
          hour: '2-digit',
          minute: '2-digit',
        });
  }, [language]);
  return useCallback((iso: string) => format.format(new Date(iso)), [format]);
}

/** An order's lines: photo, title, quantity (with what was cancelled or returned), price. */
export function LineList({ lines }: { lines: OrderLine[] }) {
  const { t } = useTranslation('orders');
  const { money } = useLocale();
  return (
    <ul className="od-lines">
      {lines.map((line) => (
        <li key={line.id} className="od-line" data-testid="order-line">
          <ProductImage src={line.imageUrl} alt="" className="od-line__image" />
          <div className="od-line__main">
            <Link to={`/products/${line.productId}`} className="od-line__title">
              {line.title}
            </Link>
            <span className="od-muted">
              {t('line.quantity', { quantity: line.quantity, price: money(line.unitPrice) })} · {line.sku}
            </span>
            {line.cancelledQuantity > 0 && (
              <span className="od-flag">{t('line.cancelled', { count: line.cancelledQuantity })}</span>
            )}
            {line.returnedQuantity > 0 && (
              <span className="od-flag">{t('line.returned', { count: line.returnedQuantity })}</span>
            )}
          </div>
          <strong className="od-line__total">{money(line.total)}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The parcels of a seller order, each tracking number a link to the public tracking page. */
export function Parcels({ parcels }: { parcels: SellerOrder['parcels'] }) {
  const { t } = useTranslation('orders');
  if (parcels.length === 0) return <p className="od-muted">{t('parcels.none')}</p>;
  return (
    <ul className="od-parcels">
      {parcels.map((parcel, i) => (
        <li key={parcel.parcelId} className="od-parcel" data-testid="parcel">
          <span className="od-parcel__name">{t('parcels.parcel', { n: i + 1 })}</span>
          {parcel.trackingNumber ? (
            <Link
              to={`/track/${encodeURIComponent(parcel.trackingNumber)}`}
              className="od-track"
              data-testid="tracking-link"
            >
              {parcel.trackingNumber}
            </Link>
          ) : (
            <span className="od-muted">{t('parcels.noTracking')}</span>
          )}
          {parcel.status && <ParcelChip status={parcel.status} />}
          {parcel.trackingNumber && <ParcelJourney trackingNumber={parcel.trackingNumber} />}
        </li>
      ))}
    </ul>
  );
}

/** A parcel's tracking timeline inside the order page, loaded when the customer opens it. */
function ParcelJourney({ trackingNumber }: { trackingNumber: string }) {
  const { t } = useTranslation('orders');
  const [open, setOpen] = useState(false);
  return (
    <div className="od-parcel__journey">
      <button
        type="button"
        className="od-link-button"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
        data-testid="parcel-journey-toggle"
      >
        {open ? t('parcels.hideJourney') : t('parcels.showJourney')}
      </button>
      {open && <ParcelTimeline trackingNumber={trackingNumber} />}
    </div>
  );
}

type ParcelStatus = keyof typeof en.parcelStatus;
const PARCEL_TONES: Record<string, string> = {
  delivered: 'ok',
  delivery_failed: 'bad',
  exception: 'bad',
  lost: 'bad',
};

/** A shipment's status as shipping reports it. */
function ParcelChip({ status }: { status: string }) {
  const { t } = useTranslation('orders');
  const known = Object.hasOwn(en.parcelStatus, status);
  return (
    <span className={`od-chip od-chip--${PARCEL_TONES[status] ?? 'progress'}`}>
      {known ? t(`parcelStatus.${status as ParcelStatus}`) : status}
    </span>
  );
}

/** One seller's part of an order: who, status, parcels and lines. */
export function SellerOrderCard({ sellerOrder, lines }: { sellerOrder: SellerOrder; lines: OrderLine[] }) {
  const { t } = useTranslation('orders');
  const { money } = useLocale();
  const own = lines.filter((line) => sellerOrder.lineIds.includes(line.id));
  return (
    <section className="od-card od-seller" data-testid="seller-order">
      <header className="od-seller__head">
        <div>
          <h3>{t('seller.soldBy', { seller: sellerOrder.sellerName })}</h3>
          <span className="od-muted">{money(sellerOrder.total)}</span>
        </div>
        <StatusChip status={sellerOrder.status} />
      </header>
      <Parcels parcels={sellerOrder.parcels} />
      <LineList lines={own} />
    </section>
  );
}

/** What happened to an order, newest last. */
export function Timeline({
  history,
}: {
  history: Array<{ status: string; at: string; note: string | null }>;
}) {
  const { t } = useTranslation('orders');
  const label = useStatusLabel();
  const when = useDateTime();
  // A failure code in a note reads as the sentence the progress card uses.
  const noteText = (note: string) =>
    Object.hasOwn(en.failure, note) ? t(`failure.${note as Failure}`) : note;
  return (
    <ol className="od-timeline" data-testid="order-history">
      {history.map((entry, i) => (
        <li key={`${entry.status}-${i}`} className="od-timeline__item">
          <span className="od-timeline__dot" aria-hidden="true" />
          <div>
            <strong>{label(entry.status)}</strong>
            <time className="od-muted" dateTime={entry.at}>
              {when(entry.at)}
            </time>
            {entry.note && <p className="od-muted">{noteText(entry.note)}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** A return request: status, lines with reasons, photos, refund and the return shipment. */
export function ReturnCard({ request, actions }: { request: ReturnRequest; actions?: ReactNode }) {
  const { t } = useTranslation('orders');
  const { money } = useLocale();
  const when = useDateTime();
  return (
    <article className="od-card od-return" data-testid="return-request">
      <header className="od-seller__head">
        <div>
          <h3>{t('returns.request', { number: request.orderNumber })}</h3>
          <span className="od-muted">{when(request.createdAt)}</span>
        </div>
        <StatusChip status={request.status} testId="return-status" />
      </header>
      <ul className="od-plain">
        {request.lines.map((line) => (
          <li key={line.lineId}>
            {t('returns.lineOf', { title: line.title, count: line.quantity })} —{' '}
            <span className="od-muted">{t(`reasons.${line.reason}`)}</span>
          </li>
        ))}
      </ul>
      {request.comment && <p className="od-quote">{request.comment}</p>}
      {request.photoUrls.length > 0 && (
        <div className="od-photos">
          {request.photoUrls.map((url) => (
            <a key={url} href={url} target="_blank" rel="noreferrer">
              <img src={url} alt={t('returns.photo')} loading="lazy" />
            </a>
          ))}
        </div>
      )}
      <dl className="od-facts">
        {request.refund && (
          <div>
            <dt>{t('returns.refund')}</dt>
            <dd>
              {money(request.refund)}
              {request.refundTo && ` · ${t(`returns.to.${request.refundTo}`)}`}
            </dd>
          </div>
        )}
        {request.trackingNumber && (
          <div>
            <dt>{t('returns.shipment')}</dt>
            <dd>
              <Link to={`/track/${encodeURIComponent(request.trackingNumber)}`} className="od-track">
                {request.trackingNumber}
              </Link>
            </dd>
          </div>
        )}
        {request.decisionNote && (
          <div>
            <dt>{t('returns.note')}</dt>
            <dd>{request.decisionNote}</dd>
          </div>
        )}
      </dl>
      {actions}
    </article>
  );
}
