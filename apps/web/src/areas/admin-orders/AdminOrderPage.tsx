import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/states.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { Totals } from '../cart/Totals.tsx';
import { CancelDialog } from '../orders/CancelDialog.tsx';
import { DetailSkeleton } from '../orders/OrdersPage.tsx';
import { ReturnCard, SellerOrderCard, StatusChip, Timeline, useDateTime } from '../orders/parts.tsx';
import { adminCommands, adminQueries, type AdminOrder } from './api.ts';
import en from './messages/en.json';

type StepName = keyof typeof en.saga.steps;
const SAGA_TONES = { started: 'progress', succeeded: 'ok', failed: 'bad', compensated: 'attention' } as const;

/** One order as support sees it: the customer, the saga's steps with their outcomes, parts, money, history, cancel. */
export function AdminOrderPage() {
  const { t } = useTranslation('admin-orders');
  const { id = '' } = useParams();
  const order = useQuery(adminQueries.order(id));
  useDocumentTitle(order.data ? t('detail.title', { number: order.data.number }) : t('list.title'));
  if (order.isPending) return <DetailSkeleton />;
  if (order.isError)
    return (
      <ErrorState title={t('detail.loadError')} error={order.error} onRetry={() => void order.refetch()} />
    );
  return <AdminOrderView order={order.data} />;
}

function AdminOrderView({ order }: { order: AdminOrder }) {
  const { t } = useTranslation('admin-orders');
  const when = useDateTime();
  const toast = useToast();
  const client = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const cancel = useMutation({
    mutationFn: (body: { reason?: string; lineIds?: string[] }) => adminCommands.cancel(order.id, body),
    onSuccess: async () => {
      setCancelling(false);
      toast.ok(t('detail.cancelled'));
      await client.invalidateQueries({ queryKey: ['admin-orders'] });
    },
    onError: (error) => toast.error(error),
  });
  const stepName = (step: string) =>
    Object.hasOwn(en.saga.steps, step) ? t(`saga.steps.${step as StepName}`) : step;
  return (
    <div className="od-page" data-testid="admin-order-page">
      <nav className="od-crumbs">
        <Link to="/admin/orders">{t('list.title')}</Link>
      </nav>
      <header className="od-head">
        <div>
          <h1>{t('detail.title', { number: order.number })}</h1>
          <p className="od-muted">
            {when(order.placedAt)} · {order.customerEmail ?? order.customerId}
          </p>
        </div>
        <StatusChip status={order.status} />
      </header>
      <section className="od-card">
        <h2 className="od-h2">{t('saga.title')}</h2>
        {order.saga.length === 0 ? (
          <p className="od-muted">{t('saga.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="saga-steps">
              <thead>
                <tr>
                  <th scope="col">{t('saga.when')}</th>
                  <th scope="col">{t('saga.step')}</th>
                  <th scope="col">{t('saga.state')}</th>
                  <th scope="col">{t('saga.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {order.saga.map((step, i) => (
                  <tr key={`${step.step}-${i}`}>
                    <td className="od-nowrap">{when(step.at)}</td>
                    <td>{stepName(step.step)}</td>
                    <td>
                      <span className={`od-chip od-chip--${SAGA_TONES[step.state]}`}>
                        {t(`saga.states.${step.state}`)}
                      </span>
                    </td>
                    <td className="od-muted">{step.detail ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="od-columns">
        <div className="od-main">
          {order.sellerOrders.map((sellerOrder) => (
            <SellerOrderCard key={sellerOrder.id} sellerOrder={sellerOrder} lines={order.lines} />
          ))}
          {order.returns.map((request) => (
            <ReturnCard key={request.id} request={request} />
          ))}
          <section className="od-card">
            <h2 className="od-h2">{t('detail.history')}</h2>
            <Timeline history={order.history} />
          </section>
        </div>
        <aside className="od-side">
          <section className="od-card">
            <h2 className="od-h2">{t('detail.money')}</h2>
            <Totals totals={order.totals} />
            <p className="od-muted">
              {t('detail.payment', { method: order.payment.method, status: order.payment.status })}
              {order.payment.failureReason && ` · ${order.payment.failureReason}`}
            </p>
            {order.failureReason && <p className="od-failure">{order.failureReason}</p>}
          </section>
          {order.cancellable && (
            <section className="od-card od-actions">
              <button type="button" className="btn btn--ghost od-danger" onClick={() => setCancelling(true)}>
                {t('detail.cancel')}
              </button>
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
