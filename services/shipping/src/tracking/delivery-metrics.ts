/** The business metric shipping owns (issue 9): outbound deliveries, on time or late against the promise. */
import { afterCommit, defineCounter, exposeMetrics, type App, type Tx } from '@sauda/kit';
import type { Shipment } from '../data/shipments-repo.ts';
import { localDate } from './views.ts';

/** Outbound shipments delivered, by whether the delivery day was on or before the promised day. */
export const deliveries = defineCounter(
  'shipping_deliveries_total',
  'Outbound shipments delivered, by on_time (delivered on or before the promised date)',
  ['on_time'],
);

/** Counts one delivery once its transaction commits; the day is the customer's local day, as promised. */
export function countDelivery(tx: Tx, shipment: Shipment, deliveredAt: Date): void {
  const onTime = localDate(deliveredAt) <= shipment.promisedDate;
  afterCommit(tx, () => deliveries.inc({ on_time: String(onTime) }));
}

/** Puts the shipping counters on the app's /metrics. */
export function exposeShippingMetrics(app: App): void {
  exposeMetrics(app.kit.metrics, deliveries);
}
