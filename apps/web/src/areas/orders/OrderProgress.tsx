import type { Order } from '@sauda/contracts';
import { useTranslation } from 'react-i18next';
import en from './messages/en.json';
import { checkoutSteps } from './progress.ts';

type Failure = keyof typeof en.failure;

function headlineOf(status: Order['status']): 'working' | 'action' | 'failed' | 'done' {
  if (status === 'pending' || status === 'awaiting_payment') return 'working';
  if (status === 'requires_action') return 'action';
  return status === 'failed' || status === 'cancelled' ? 'failed' : 'done';
}

/** The checkout's live steps, with what went wrong in words and the 3-D Secure hand-off. */
export function OrderProgress({ order }: { order: Order }) {
  const { t } = useTranslation('orders');
  const steps = checkoutSteps(order);
  // The bank's own reason (insufficient funds…) says more than "declined"; else the order's code.
  const known = [order.payment.failureReason, order.failureReason].find(
    (code): code is Failure => code !== null && Object.hasOwn(en.failure, code),
  );
  const failure: Failure = known ?? 'other';
  return (
    <section className="od-card od-progress" aria-labelledby="od-progress-title" data-testid="order-progress">
      <h2 id="od-progress-title" className="od-h2">
        {t(`progress.headline.${headlineOf(order.status)}`)}
      </h2>
      <ol className="od-steps">
        {steps.map(({ step, state }) => (
          <li key={step} className={`od-step od-step--${state}`} data-state={state}>
            <span className="od-step__dot" aria-hidden="true">
              {state === 'done' ? '✓' : state === 'failed' ? '!' : ''}
            </span>
            <span className="od-step__label">{t(`progress.steps.${step}`)}</span>
            <span className="visually-hidden">{t(`progress.states.${state}`)}</span>
          </li>
        ))}
      </ol>
      <div aria-live="polite">
        {order.status === 'pending' && <p className="od-muted">{t('progress.pending')}</p>}
        {order.status === 'awaiting_payment' && <p className="od-muted">{t('progress.awaitingPayment')}</p>}
        {order.status === 'requires_action' && (
          <div className="od-action">
            <p>{t('progress.requiresAction')}</p>
            {order.payment.actionUrl && (
              <a href={order.payment.actionUrl} className="btn btn--primary" data-testid="confirm-payment">
                {t('progress.confirmPayment')}
              </a>
            )}
          </div>
        )}
        {order.status === 'failed' && (
          <p className="od-failure" role="alert" data-testid="order-failure">
            {t(`failure.${failure}`)}
          </p>
        )}
        {order.status === 'confirmed' && (
          <p className="od-success" data-testid="order-confirmed">
            {t('progress.confirmed')}
          </p>
        )}
      </div>
    </section>
  );
}
