import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/states.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { stockQueries } from './api.ts';
import { Barcode } from './Barcode.tsx';
import { ListSkeleton } from './Shell.tsx';
import './slip.css';

/** The printable packing slip: parcel barcode, sender depot, recipient, contents. */
export function PackingSlipPage() {
  const { t } = useTranslation('warehouse');
  const { code = '' } = useParams();
  const parcel = useQuery(stockQueries.parcel(code));
  useDocumentTitle(`${t('slip.title')} ${code}`);
  if (parcel.isPending) return <ListSkeleton rows={2} />;
  if (parcel.error)
    return (
      <ErrorState title={t('common.loadError')} error={parcel.error} onRetry={() => void parcel.refetch()} />
    );
  const p = parcel.data;
  const to = p.recipient;
  return (
    <section aria-labelledby="slip-title">
      <div className="wh-actions no-print">
        <Link to="/warehouse" className="btn btn--ghost">
          ← {t('slip.backToQueue')}
        </Link>
        <button type="button" className="btn btn--primary" onClick={() => window.print()}>
          {t('slip.print')}
        </button>
      </div>
      <article className="slip" data-testid="packing-slip">
        <h1 id="slip-title" className="slip__title">
          {t('slip.title')}
        </h1>
        <Barcode value={p.code} />
        <dl className="slip__facts">
          <div>
            <dt>{t('slip.order')}</dt>
            <dd>{p.orderNumber || p.orderId}</dd>
          </div>
          <div>
            <dt>{t('slip.from')}</dt>
            <dd>
              {p.depot.name}, {p.depot.address}
            </dd>
          </div>
          <div>
            <dt>{t('slip.to')}</dt>
            <dd>
              {to ? [to.line1, to.city, to.postalCode, to.countryCode].filter(Boolean).join(', ') : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('slip.weight')}</dt>
            <dd>{t('slip.grams', { count: p.weightGrams })}</dd>
          </div>
          <div>
            <dt>{t('slip.size')}</dt>
            <dd>{t('slip.cm', p.dimensionsCm)}</dd>
          </div>
        </dl>
        <table className="slip__lines">
          <caption className="wh-subtitle">{t('slip.contents')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('common.sku')}</th>
              <th scope="col">{t('slip.item')}</th>
              <th scope="col">{t('slip.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {p.lines.map((line) => (
              <tr key={line.lineId}>
                <td className="wh-sku">{line.sku}</td>
                <td>{line.title}</td>
                <td>{line.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </article>
    </section>
  );
}
