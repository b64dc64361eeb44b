import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/problem.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { useLocale } from '../../lib/useLocale.ts';
import { Totals } from '../cart/Totals.tsx';
import { orderCommands, orderQueries, type Order } from './api.ts';
import { CancelDialog } from './CancelDialog.tsx';
import { OrderProgress } from './OrderProgress.tsx';
import { ReturnCard, SellerOrderCard, StatusChip, Timeline, useDateTime } from './parts.tsx';
import { useFollowedOrder } from './useFollowedOrder.ts';
import { DetailSkeleton } from './OrdersPage.tsx';

const RECENT_MS = 15 * 60_000;
const IN_FLIGHT: ReadonlyArray<Order['status']> = [
  'pending',
  'awaiting_payment',
  'requires_action',
  'failed',
];

/** One order: its live checkout status while it runs, then sellers' parts with parcels, totals, history, cancel and returns. */
export function OrderPage() {
  const { t } = useTranslation('orders');
  const { id = '' } = useParams();
  const order = useFollowedOrder(id);
  useDocumentTitle(order.data ? t('detail.title', { number: order.data.number }) : t('detail.loading'));
  if (order.isPending) return <DetailSkeleton />;
  if (order.isError)
    return order.error instanceof ApiError && order.error.status === 404 ? (
      <EmptyState
        title={t('detail.notFound')}
        action={
          <Link to="/orders" className="btn btn--primary">
            {t('detail.back')}
          </Link>
        }
      />
    ) : (
      <ErrorState title={t('detail.loadError')} error={order.error} onRetry={() => void order.refetch()} />
    );
  return <OrderView order={order.data} />;
}

function OrderView({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const { money, date } = useLocale();
  const when = useDateTime();
  const toast = useToast();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const justPlaced = params.get('placed') === '1';
  const [cancelling, setCancelling] = useState(false);
  const handedOff = useRef(false);
  // Straight after checkout, a 3-D Secure request sends the customer to their bank's page at once.
  useEffect(() => {
    if (!justPlaced || handedOff.current || order.status !== 'requires_action' || !order.payment.actionUrl)
      return;
    handedOff.current = true;
    window.location.assign(order.payment.actionUrl);
  }, [justPlaced, order.status, order.payment.actionUrl]);
  const cancel = useMutation({
    mutationFn: (body: { reason?: string; lineIds?: string[] }) => orderCommands.cancel(order.id, body),
    onSuccess: (next) => {
      client.setQueryData(orderQueries.order(order.id).queryKey, next);
      void client.invalidateQueries({ queryKey: ['orders', 'list'] });
      setCancelling(false);
      toast.ok(t('cancel.done'));
    },
    onError: (error) => toast.error(error),
  });
  // Back from the bank's page (or just placed), the steps stay to show the happy ending.
  const recent = Date.now() - Date.parse(order.placedAt) < RECENT_MS;
  const showProgress =
    IN_FLIGHT.includes(order.status) || ((justPlaced || recent) && order.status === 'confirmed');
  return (
    <div className="od-page" data-testid="order-page">
      <nav className="od-crumbs">
        <Link to="/orders">{t('list.title')}</Link>
      </nav>
      <header className="od-head">
        <div>
          <h1 data-testid="order-number">{t('detail.title', { number: order.number })}</h1>
          <p className="od-muted">{t('detail.placed', { date: when(order.placedAt) })}</p>
        </div>
        <StatusChip status={order.status} testId="order-status" />
      </header>
      {showProgress && <OrderProgress order={order} />}
      <div className="od-columns">
        <div className="od-main">
          {order.sellerOrders.map((sellerOrder) => (
            <SellerOrderCard key={sellerOrder.id} sellerOrder={sellerOrder} lines={order.lines} />
          ))}
          {order.returns.length > 0 && (
            <section className="od-section">
              <h2 className="od-h2">{t('returns.title')}</h2>
              {order.returns.map((request) => (
                <ReturnCard key={request.id} request={request} />
              ))}
            </section>
          )}
          <section className="od-card">
            <h2 className="od-h2">{t('detail.history')}</h2>
            <Timeline history={order.history} />
          </section>
        </div>
        <aside className="od-side">
          <section className="od-card">
            <h2 className="od-h2">{t('detail.summary')}</h2>
            <Totals totals={order.totals} />
            {order.totals.refunded.amount > 0 && (
              <p className="od-success">{t('detail.refunded', { amount: money(order.totals.refunded) })}</p>
            )}
          </section>
          <section className="od-card">
            <dl className="od-facts">
              <div>
                <dt>{t('detail.payment')}</dt>
                <dd>
                  {t(`payment.${order.payment.method}`)} ·{' '}
                  {t(`paymentStatus.${paymentStatusKey(order.payment.status)}`)}
                </dd>
              </div>
              <div>
                <dt>{t('detail.delivery')}</dt>
                <dd>
                  {order.delivery.label}
                  <span className="od-muted">
                    {' '}
                    · {t('detail.promised', { date: date(order.delivery.promisedDate) })}
                  </span>
                </dd>
              </div>
              <div>
                <dt>{t('detail.address')}</dt>
                <dd>
                  {order.shippingAddress.recipientName && <>{order.shippingAddress.recipientName}, </>}
                  {order.shippingAddress.line1}, {order.shippingAddress.city}{' '}
                  {order.shippingAddress.postalCode ?? ''}
                </dd>
              </div>
              {(order.promoCodes.length > 0 || order.giftCards.length > 0) && (
                <div>
                  <dt>{t('detail.codes')}</dt>
                  <dd className="od-mono">{[...order.promoCodes, ...order.giftCards].join(', ')}</dd>
                </div>
              )}
            </dl>
          </section>
          {(order.cancellable || order.returnableLineIds.length > 0) && (
            <section className="od-card od-actions">
              {order.returnableLineIds.length > 0 && (
                <Link
                  to={`/orders/${order.id}/return`}
                  className="btn btn--secondary"
                  data-testid="start-return"
                >
                  {t('detail.return')}
                </Link>
              )}
              {order.cancellable && (
                <button
                  type="button"
                  className="btn btn--ghost od-danger"
                  onClick={() => setCancelling(true)}
                  data-testid="cancel-order"
                >
                  {t('detail.cancel')}
                </button>
              )}
            </section>
          )}
        </aside>
      </div>
      <CancelDialog
        open={cancelling}
        lines={order.lines}
        pending={cancel.isPending}
        onCancel={(body) => cancel.mutate(body)}
        onClose={() => setCancelling(false)}
      />
    </div>
  );
}

const PAYMENT_STATUSES = [
  'pending',
  'authorized',
  'requires_action',
  'captured',
  'failed',
  'voided',
  'refunded',
] as const;
function paymentStatusKey(status: string): (typeof PAYMENT_STATUSES)[number] | 'other' {
  return (PAYMENT_STATUSES as readonly string[]).includes(status)
    ? (status as (typeof PAYMENT_STATUSES)[number])
    : 'other';
}
