/** Shapes stored orders into the API's `Order`, `SellerOrder` and `ReturnRequest`. */
import type { Order, OrderLine, ReturnRequest, SellerOrder } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import {
  orderRows,
  type LineRow,
  type OrderRow,
  type ParcelRow,
  type SellerOrderRow,
} from '../data/orders-repo.ts';
import type { ReturnRow } from '../data/returns-repo.ts';
import { OrderNotFound } from '../errors.ts';
import { mayCancel } from './transitions.ts';

type Currency = Order['currency'];
const money = (amount: string | number, currency: Currency) => ({ amount: Number(amount), currency });

export function lineView(line: LineRow, currency: Currency): OrderLine {
  return {
    id: line.id,
    variantId: line.variant_id,
    productId: line.product_id,
    sellerId: line.seller_id,
    title: line.title,
    sku: line.sku,
    imageUrl: line.image_url,
    quantity: line.quantity,
    cancelledQuantity: line.cancelled_quantity,
    returnedQuantity: line.returned_quantity,
    unitPrice: money(line.unit_price, currency),
    total: money(line.total, currency),
  };
}

export function sellerOrderView(
  part: SellerOrderRow,
  order: Pick<OrderRow, 'number' | 'currency'>,
  lines: readonly LineRow[],
  parcels: readonly ParcelRow[],
): SellerOrder {
  const lineIds = lines.filter((l) => l.seller_order_id === part.id).map((l) => l.id);
  return {
    id: part.id,
    orderId: part.order_id,
    orderNumber: order.number,
    sellerId: part.seller_id,
    sellerName: part.seller_name,
    depotId: part.depot_id,
    status: part.status,
    lineIds,
    total: money(part.total, order.currency),
    parcels: parcels
      .filter((p) => p.line_ids.some((id) => lineIds.includes(id)))
      .map((p) => ({
        parcelId: p.parcel_id,
        trackingNumber: p.tracking_number,
        status: p.status,
        lineIds: p.line_ids.filter((id) => lineIds.includes(id)),
      })),
    createdAt: part.created_at.toISOString(),
  };
}

export function returnView(
  row: ReturnRow,
  order: Pick<OrderRow, 'number' | 'currency'>,
  photoUrl: (id: string) => string,
): ReturnRequest {
  return {
    id: row.id,
    orderId: row.order_id,
    orderNumber: order.number,
    customerId: row.customer_id,
    sellerIds: row.seller_ids,
    status: row.status,
    lines: row.lines,
    comment: row.comment,
    photoUrls: row.photo_ids.map(photoUrl),
    // What the customer gets back: through the payment plus the gift cards' share (issue 13).
    refund:
      row.refund_amount === null
        ? null
        : money(
            Number(row.refund_amount) + (row.gift_card_refunds ?? []).reduce((sum, g) => sum + g.amount, 0),
            order.currency,
          ),
    refundTo: row.refund_to,
    trackingNumber: row.tracking_number,
    decisionNote: row.decision_note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Where a return photo is served. */
export const photoUrl = (id: string) => `/api/orders/returns/photos/${id}`;

/** Lines still returnable: delivered, within the window, not all returned or cancelled already. */
export function returnableLineIds(
  order: OrderRow,
  lines: readonly LineRow[],
  parts: readonly SellerOrderRow[],
  deliveredAt: Date | undefined,
  windowDays: number,
  now: Date,
): string[] {
  if (!deliveredAt || now.getTime() - deliveredAt.getTime() > windowDays * 86_400_000) return [];
  const delivered = new Set(parts.filter((p) => p.status === 'delivered').map((p) => p.id));
  return lines
    .filter((l) => l.seller_order_id && delivered.has(l.seller_order_id))
    .filter((l) => l.quantity - l.cancelled_quantity - l.returned_quantity > 0)
    .map((l) => l.id);
}

/** The whole order as its pages show it. */
export async function orderView(
  db: Queryable,
  orderId: string,
  options: { returnWindowDays: number; now: Date },
): Promise<Order> {
  const rows = await orderRows(db, orderId);
  if (!rows) throw new OrderNotFound();
  const { order, lines, parts, parcels, returns, history } = rows;
  const c = order.currency;
  const deliveredAt = history.filter((h) => h.status === 'delivered').at(-1)?.at;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    customerId: order.customer_id,
    placedAt: order.placed_at.toISOString(),
    updatedAt: order.updated_at.toISOString(),
    currency: c,
    lines: lines.map((l) => lineView(l, c)),
    sellers: order.sellers.map((s) => ({
      sellerId: s.sellerId,
      sellerName: s.sellerName,
      subtotal: money(s.subtotal, c),
      discount: money(s.discount, c),
      total: money(s.total, c),
      vat: money(s.vat, c),
    })),
    sellerOrders: parts.map((p) => sellerOrderView(p, order, lines, parcels)),
    shippingAddress: order.shipping_address,
    delivery: {
      optionId: order.delivery.optionId,
      kind: order.delivery.kind,
      label: order.delivery.label,
      fee: money(order.delivery.fee, c),
      promisedDate: order.delivery.promisedDate,
    },
    payment: {
      method: order.payment_method,
      status: order.payment_status,
      intentId: order.intent_id,
      actionUrl: order.status === 'requires_action' ? order.action_url : null,
      failureReason: order.payment_failure,
    },
    totals: {
      subtotal: money(order.subtotal, c),
      discount: money(order.discount, c),
      giftCardAmount: money(order.gift_card_amount, c),
      deliveryFee: money(order.delivery_fee, c),
      vat: money(order.vat, c),
      total: money(order.total, c),
      payable: money(order.payable, c),
      refunded: money(order.refunded, c),
    },
    promoCodes: order.promo_codes,
    giftCards: order.gift_cards.map((g) => g.code),
    failureReason: order.failure_reason,
    cancellable: mayCancel(order.status, 'customer'),
    returnableLineIds: returnableLineIds(
      order,
      lines,
      parts,
      deliveredAt,
      options.returnWindowDays,
      options.now,
    ),
    returns: returns.map((r) => returnView(r, order, photoUrl)),
    history: history.map((h) => ({ status: h.status, at: h.at.toISOString(), note: h.note })),
  };
}
