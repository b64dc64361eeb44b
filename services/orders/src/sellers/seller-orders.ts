/** A seller's view: their seller orders (never another seller's), one with its lines and address. */
import type { OrderLine, SellerOrder, SellerOrderStatus, ShippingAddressSnapshot } from '@sauda/contracts';
import type { Db } from '@sauda/kit';
import { findOrder, orderLines, parcelsOf, type SellerOrderRow } from '../data/orders-repo.ts';
import { OrderNotFound } from '../errors.ts';
import { lineView, sellerOrderView } from '../orders/order-view.ts';

/** A page of the seller's orders, newest first (orders not confirmed yet are not shown: nothing to do). */
export async function listSellerOrders(
  db: Db,
  sellerId: string,
  f: { status?: SellerOrderStatus | undefined; page: number; limit: number },
): Promise<{ items: SellerOrder[]; total: number }> {
  const rows = await db<
    Array<SellerOrderRow & { number: string; currency: 'KZT' | 'USD' | 'EUR' | 'RUB'; n: number }>
  >`
    select so.*, o.number, o.currency, count(*) over ()::int as n
    from seller_orders so join orders o on o.id = so.order_id
    where so.seller_id = ${sellerId} and so.status <> 'pending'
      ${f.status ? db`and so.status = ${f.status}` : db``}
    order by so.created_at desc, so.id desc
    limit ${f.limit} offset ${(f.page - 1) * f.limit}`;
  const items: SellerOrder[] = [];
  for (const row of rows) {
    const [lines, parcels] = await Promise.all([orderLines(db, row.order_id), parcelsOf(db, row.order_id)]);
    items.push(sellerOrderView(row, row, lines, parcels));
  }
  return { items, total: rows[0]?.n ?? 0 };
}

/** One seller order of the caller's, with its lines and where it goes. */
export async function getSellerOrder(
  db: Db,
  sellerId: string,
  id: string,
  options: { staff?: boolean } = {},
): Promise<{ sellerOrder: SellerOrder; lines: OrderLine[]; shippingAddress: ShippingAddressSnapshot }> {
  const [row] = await db<SellerOrderRow[]>`select * from seller_orders where id = ${id}`;
  if (!row || (row.seller_id !== sellerId && !options.staff)) throw new OrderNotFound();
  const order = await findOrder(db, row.order_id);
  if (!order) throw new OrderNotFound();
  const [lines, parcels] = await Promise.all([orderLines(db, order.id), parcelsOf(db, order.id)]);
  const mine = lines.filter((l) => l.seller_order_id === row.id);
  return {
    sellerOrder: sellerOrderView(row, order, lines, parcels),
    lines: mine.map((l) => lineView(l, order.currency)),
    shippingAddress: order.shipping_address,
  };
}
