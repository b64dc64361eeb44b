/** The event each intent state announces, appended in the transaction that reached the state. */
import {
  PaymentAuthorized,
  PaymentCaptured,
  PaymentFailed,
  PaymentRequiresAction,
  PaymentVoided,
} from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import type { IntentRow } from '../data/intents-repo.ts';
import { countAuthorization } from './payment-metrics.ts';

/** Appends the event of the state `row` is now in (none for processing and refunded: refunds announce themselves). */
export async function announceIntent(tx: Tx, row: IntentRow): Promise<void> {
  const base = { intentId: row.id, orderId: row.order_id, customerId: row.customer_id };
  const at = new Date().toISOString();
  countAuthorization(tx, row);
  switch (row.status) {
    case 'authorized':
      return void (await appendEvent(tx, PaymentAuthorized, {
        ...base,
        amount: { amount: Number(row.amount), currency: row.currency },
        method: row.method,
        authorizedAt: at,
      }));
    case 'failed':
      return void (await appendEvent(tx, PaymentFailed, {
        ...base,
        reason: row.failure_code ?? 'declined',
        failedAt: at,
      }));
    case 'requires_action':
      return void (await appendEvent(tx, PaymentRequiresAction, {
        ...base,
        url: row.next_action_url ?? '',
        at,
      }));
    case 'captured':
      return void (await appendEvent(tx, PaymentCaptured, {
        ...base,
        amount: { amount: Number(row.amount_captured), currency: row.currency },
        capturedAt: at,
      }));
    case 'voided':
      return void (await appendEvent(tx, PaymentVoided, { ...base, voidedAt: at }));
    default:
      return;
  }
}
