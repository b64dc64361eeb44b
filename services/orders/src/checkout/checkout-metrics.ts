/**
 * The business metrics orders owns (issue 9): orders placed, GMV, the checkout funnel and stuck sagas.
 * The business dashboard and the alerts (tools/deploy/{grafana,prometheus}.ts) read these names.
 */
import { defineCounter, exposeMetrics, type App, type Db } from '@sauda/kit';

/** Checkouts that created an order (a replayed Idempotency-Key counts once). */
export const ordersPlaced = defineCounter('orders_placed_total', 'Orders placed at checkout');

/** Gross merchandise value of confirmed orders (goods after discounts, VAT included), in minor units. */
export const ordersGmv = defineCounter(
  'orders_gmv_minor_total',
  'Gross merchandise value of confirmed orders in minor units, by currency',
  ['currency'],
);

/**
 * The funnel: `checkout` placed|rejected, every saga step succeeded|retried, and the `order` itself
 * confirmed|failed.
 */
export const checkoutSteps = defineCounter(
  'orders_checkout_steps_total',
  'Checkout and saga steps by outcome',
  ['step', 'outcome'],
);

/** Puts the counters and the `orders_saga_stuck` gauge on the app's /metrics. */
export function exposeOrdersMetrics(app: App, db: Db, stuckAfterMs: number): void {
  exposeMetrics(app.kit.metrics, ordersPlaced, ordersGmv, checkoutSteps);
  // Read from the database, so every replica reports the same number: rules and panels take the max.
  app.kit.metrics.gauge(
    'orders_saga_stuck',
    'Orders whose saga is not done and has not moved for the stuck threshold, by saga state',
    ['state'],
    async (set) => {
      const rows = await db<{ state: string; n: number }[]>`
        select saga_state as state, count(*)::int as n from orders
        where saga_state <> 'done' and updated_at < now() - ${stuckAfterMs} * interval '1 millisecond'
        group by saga_state`;
      for (const row of rows) set({ state: row.state }, row.n);
    },
  );
}
