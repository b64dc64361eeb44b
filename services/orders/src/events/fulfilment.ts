/**
 * After confirmation, the order follows its parcels: packed (`stock.parcel.created.v1`), a tracking number
 * (`shipping.shipment.created.v1`), shipped → out for delivery → delivered
 * (`shipping.shipment.status_changed.v1`); the payment is captured when a parcel goes out for delivery.
 * Units stock cannot ship (`stock.order.short.v1`) are cancelled and not charged.
 */
import type {
  OrderLinesShort,
  ParcelCreated,
  SellerOrderStatus,
  ShipmentCreated,
  ShipmentStatusChanged,
} from '@sauda/contracts';
import { AppError, type EventHandler, type Tx } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import { findOrder, moveOrder, noteStep, scheduleSaga, sellerOrdersOf } from '../data/orders-repo.ts';
import { notifyCustomer } from '../notifications/notify-customer.ts';
import { cancelOrder } from '../orders/cancel-order.ts';
import { canMoveSellerOrder, deriveOrderStatus } from '../orders/transitions.ts';
import { onReturnShipment } from './return-progress.ts';

/** Moves the seller orders holding these lines forward (never back), then the customer order after them. */
async function advance(
  tx: Tx,
  orderId: string,
  lineIds: readonly string[],
  to: SellerOrderStatus,
): Promise<void> {
  const parts = await tx<Array<{ id: string; status: SellerOrderStatus }>>`
    select distinct so.id, so.status from seller_orders so join order_lines l on l.seller_order_id = so.id
    where so.order_id = ${orderId} and l.id in ${tx(lineIds as string[])}`;
  for (const part of parts) {
    if (canMoveSellerOrder(part.status, to))
      await tx`update seller_orders set status = ${to}, updated_at = now() where id = ${part.id}`;
  }
  const order = await findOrder(tx, orderId, true);
  if (!order) return;
  const derived = deriveOrderStatus((await sellerOrdersOf(tx, orderId)).map((p) => p.status));
  if (derived && derived !== order.status && derived !== 'cancelled') {
    const moved = await moveOrder(tx, orderId, [order.status], derived);
    if (moved && derived === 'delivered') await notifyCustomer(tx, orderId, 'delivered');
  }
}

export const onParcelCreated: EventHandler<typeof ParcelCreated> = async (event, tx) => {
  const { parcelId, orderId, depotId, lines } = event.data;
  if (!(await findOrder(tx, orderId))) return;
  const lineIds = lines.map((l) => l.lineId);
  await tx`
    insert into parcels (parcel_id, order_id, depot_id, line_ids) values (${parcelId}, ${orderId}, ${depotId}, ${lineIds})
    on conflict (parcel_id) do nothing`;
  await advance(tx, orderId, lineIds, 'packed');
};

export const onShipmentCreated: EventHandler<typeof ShipmentCreated> = async (event, tx) => {
  const data = event.data;
  if (data.kind === 'return') {
    if (data.returnId)
      await tx`update returns set tracking_number = ${data.trackingNumber}, updated_at = now() where id = ${data.returnId}`;
    return;
  }
  if (data.kind !== 'outbound' || !data.parcelId) return;
  await tx`
    update parcels set shipment_id = ${data.shipmentId}, tracking_number = ${data.trackingNumber},
      status = coalesce(status, 'label_created'), updated_at = now()
    where parcel_id = ${data.parcelId}`;
};

const PROGRESS: Partial<Record<string, SellerOrderStatus>> = {
  accepted: 'shipped',
  in_transit: 'shipped',
  delivery_failed: 'out_for_delivery',
  out_for_delivery: 'out_for_delivery',
  available_for_pickup: 'out_for_delivery',
  delivered: 'delivered',
};

export function onShipmentStatusChanged(ctx: OrdersContext): EventHandler<typeof ShipmentStatusChanged> {
  return async (event, tx) => {
    const data = event.data;
    if (data.kind === 'return') return onReturnShipment(ctx, tx, data);
    if (data.kind !== 'outbound' || !data.parcelId) return;
    const [parcel] = await tx<Array<{ line_ids: string[]; tracking_number: string | null }>>`
      update parcels set status = ${data.status}, tracking_number = coalesce(tracking_number, ${data.trackingNumber}),
        updated_at = now()
      where parcel_id = ${data.parcelId} returning line_ids, tracking_number`;
    if (!parcel) return;
    const to = PROGRESS[data.status];
    if (to) await advance(tx, data.orderId, parcel.line_ids, to);
    if (to === 'shipped')
      await notifyCustomer(tx, data.orderId, 'shipped', {
        fact: data.parcelId,
        tracking: data.trackingNumber,
      });
    if (data.status === 'out_for_delivery')
      await notifyCustomer(tx, data.orderId, 'out_for_delivery', {
        fact: data.parcelId,
        tracking: data.trackingNumber,
      });
    if (data.status === 'out_for_delivery') {
      const order = await findOrder(tx, data.orderId);
      if (order && Number(order.captured_amount) === 0 && order.payment_method !== 'cod' && order.intent_id) {
        await noteStep(
          tx,
          order.id,
          'capture_payment',
          'started',
          `parcel ${data.parcelId} out for delivery`,
        );
        await scheduleSaga(tx, order.id, 'capture', ctx.now());
      }
    }
  };
}

/** Stock cannot ship these units: they are cancelled and not charged (or refunded). */
export function onOrderShort(ctx: OrdersContext): EventHandler<typeof OrderLinesShort> {
  return async (event, tx) => {
    const order = await findOrder(tx, event.data.orderId, true);
    if (!order || ['cancelled', 'failed', 'delivered'].includes(order.status)) return;
    const units = new Map(event.data.lines.map((l) => [l.lineId, l.missing]));
    try {
      await tx.savepoint((sp) =>
        cancelOrder(ctx, sp, order, {
          by: 'system',
          reason: event.data.reason === 'expired' ? 'reservation_expired' : 'out_of_stock',
          lineIds: [...units.keys()],
          units,
        }),
      );
    } catch (error) {
      // Already shipped or cancelled meanwhile: nothing to undo here, but the admin sees it.
      if (!(error instanceof AppError)) throw error;
      await noteStep(tx, order.id, 'cancel_lines', 'failed', `stock short: ${error.code}`);
    }
  };
}
