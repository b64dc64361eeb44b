/**
 * The business metrics payment owns (issue 9): authorization outcomes and declines by reason, counted
 * once per intent state reached (after the transaction that reached it commits).
 */
import { afterCommit, defineCounter, exposeMetrics, type App, type Tx } from '@sauda/kit';
import type { IntentRow } from '../data/intents-repo.ts';

/** Every authorization's answer: authorized, declined, or requires_action (a 3-D Secure challenge). */
export const paymentAuthorizations = defineCounter(
  'payment_authorizations_total',
  'Payment authorizations by outcome',
  ['outcome'],
);

/** Declined authorizations by the provider's reason (e.g. insufficient_funds, do_not_honour). */
export const paymentDeclines = defineCounter(
  'payment_declines_total',
  'Declined payment authorizations by reason',
  ['reason'],
);

/** Counts the authorization outcome an intent has just reached; other states are not authorizations. */
export function countAuthorization(tx: Tx, row: IntentRow): void {
  if (row.status === 'authorized' || row.status === 'requires_action') {
    afterCommit(tx, () => paymentAuthorizations.inc({ outcome: row.status }));
  } else if (row.status === 'failed') {
    afterCommit(tx, () => {
      paymentAuthorizations.inc({ outcome: 'declined' });
      paymentDeclines.inc({ reason: row.failure_code ?? 'declined' });
    });
  }
}

/** Puts the payment counters on the app's /metrics. */
export function exposePaymentMetrics(app: App): void {
  exposeMetrics(app.kit.metrics, paymentAuthorizations, paymentDeclines);
}
