/** Which events orders consumes, with which handler: main.ts and the tests wire the same table. */
import {
  OrderLinesShort,
  ParcelCreated,
  PaymentAuthorized,
  PaymentFailed,
  PaymentRequiresAction,
  ReservationConfirmed,
  ReservationRejected,
  ReservationReleased,
  ReturnInspected,
  ShipmentCreated,
  ShipmentStatusChanged,
} from '@sauda/contracts';
import type { Consumer } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import { onOrderShort, onParcelCreated, onShipmentCreated, onShipmentStatusChanged } from './fulfilment.ts';
import { onPaymentAuthorized, onPaymentFailed, onPaymentRequiresAction } from './payment-answered.ts';
import {
  onReservationConfirmed,
  onReservationRejected,
  onReservationReleased,
} from './reservation-answered.ts';
import { onReturnInspected } from './return-progress.ts';

/** The checkout saga's answers from stock and payment (`orders.saga`). */
export function sagaHandlers(consumer: Consumer, ctx: OrdersContext): Consumer {
  return consumer
    .on(ReservationConfirmed, onReservationConfirmed(ctx))
    .on(ReservationRejected, onReservationRejected(ctx))
    .on(ReservationReleased, onReservationReleased)
    .on(PaymentAuthorized, onPaymentAuthorized(ctx))
    .on(PaymentFailed, onPaymentFailed(ctx))
    .on(PaymentRequiresAction, onPaymentRequiresAction(ctx));
}

/** Fulfilment and returns after confirmation (`orders.fulfilment`). */
export function fulfilmentHandlers(consumer: Consumer, ctx: OrdersContext): Consumer {
  return consumer
    .on(ParcelCreated, onParcelCreated)
    .on(ShipmentCreated, onShipmentCreated)
    .on(ShipmentStatusChanged, onShipmentStatusChanged(ctx))
    .on(OrderLinesShort, onOrderShort(ctx))
    .on(ReturnInspected, onReturnInspected(ctx));
}
