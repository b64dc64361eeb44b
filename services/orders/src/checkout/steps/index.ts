/** The saga's steps by state: what runs when an order's next step is due. */
import type { OrdersContext } from '../../context.ts';
import type { OrderRow } from '../../data/orders-repo.ts';
import { authorizePayment } from './authorize-payment.ts';
import { capturePayment } from './capture-payment.ts';
import { checkPayment } from './check-payment.ts';
import { placeOrder } from './place-order.ts';
import { reserveCodes } from './reserve-codes.ts';
import { settlePayment } from './settle-payment.ts';
import { voidPayment } from './void-payment.ts';

export type SagaStep = (ctx: OrdersContext, order: OrderRow) => Promise<void>;

/**
 * reserve_codes → place → (stock answers by event) → authorize → (payment answers, or check_payment) →
 * confirmed. Compensations: void_payment; after the sale: capture, settle (refunds).
 */
export const SAGA_STEPS: Readonly<Record<string, SagaStep>> = {
  reserve_codes: reserveCodes,
  place: placeOrder,
  authorize: authorizePayment,
  check_payment: checkPayment,
  void_payment: voidPayment,
  capture: capturePayment,
  settle: settlePayment,
};
