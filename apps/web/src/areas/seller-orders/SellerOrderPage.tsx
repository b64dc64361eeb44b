import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { CancelDialog } from '../orders/CancelDialog.tsx';
import { DetailSkeleton } from '../orders/OrdersPage.tsx';
import { LineList, Parcels, StatusChip, useDateTime } from '../orders/parts.tsx';
import { sellerCommands, sellerQueries, type SellerOrderDetail } from './api.ts';

/** One seller order: lines, where it goes, parcels with tracking, and cancelling what is out of stock. */
export function SellerOrderPage() {
  const { t } = useTranslation('seller-orders');
  const { id = '' } = useParams();
  const order = useQuery(sellerQueries.order(id));
  useDocumentTitle(
    order.data ? t('detail.title', { number: order.data.sellerOrder.orderNumber }) : t('list.title'),
  );
  if (order.isPending) return <DetailSkeleton />;
  if (order.isError)
    return (
      <ErrorState title={t('detail.loadError')} error={order.error} onRetry={() => void order.refetch()} />
    );
  return <SellerOrderView detail={order.data} />;
}

const CANCELLABLE = ['pending', 'confirmed'];

function SellerOrderView({ detail }: { detail: SellerOrderDetail }) {
  const { t } = useTranslation('seller-orders');
  const { money } = useLocale();
  const when = useDateTime();
  const toast = useToast();
  const client = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const { sellerOrder, lines, shippingAddress: address } = detail;
  const cancel = useMutation({
    mutationFn: (body: { reason?: string; lineIds?: string[] }) =>
      sellerCommands.cancel(sellerOrder.id, body),
    onSuccess: async () => {
      setCancelling(false);
      toast.ok(t('detail.cancelled'));
      await client.invalidateQueries({ queryKey: ['seller-orders'] });
    },
    onError: (error) => toast.error(error),
  });
  return (
    <div className="od-page" data-testid="seller-order-page">
      <nav className="od-crumbs">
        <Link to="/seller/orders">{t('list.title')}</Link>
      </nav>
      <header className="od-head">
        <div>
          <h1>{t('detail.title', { number: sellerOrder.orderNumber })}</h1>
          <p className="od-muted">
            {when(sellerOrder.createdAt)} · {money(sellerOrder.total)}
          </p>
        </div>
        <StatusChip status={sellerOrder.status} testId="seller-order-status" />
      </header>
      <div className="od-columns">
        <div className="od-main">
          <section className="od-card">
            <h2 className="od-h2">{t('detail.lines')}</h2>
            <LineList lines={lines} />
          </section>
          <section className="od-card">
            <h2 className="od-h2">{t('detail.parcels')}</h2>
            <Parcels parcels={sellerOrder.parcels} />
          </section>
        </div>
        <aside className="od-side">
          <section className="od-card">
            <h2 className="od-h2">{t('detail.shipTo')}</h2>
            <address className="od-address">
              {address.recipientName && <strong>{address.recipientName}</strong>}
              <span>{address.line1}</span>
              <span>
                {address.postalCode ?? ''} {address.city}, {address.countryCode}
              </span>
              {address.phone && <a href={`tel:${address.phone}`}>{address.phone}</a>}
            </address>
          </section>
          {CANCELLABLE.includes(sellerOrder.status) && (
            <section className="od-card od-actions">
              <p className="od-muted">{t('detail.cancelHint')}</p>
              <button type="button" className="btn btn--ghost od-danger" onClick={() => setCancelling(true)}>
                {t('detail.cancel')}
              </button>
            </section>
          )}
        </aside>
      </div>
      <CancelDialog
        open={cancelling}
        lines={lines}
        pending={cancel.isPending}
        title={t('detail.cancelTitle')}
        onCancel={(body) => cancel.mutate(body)}
        onClose={() => setCancelling(false)}
      />
    </div>
  );
}
