/** Order lists: the customer's own, and the admin's search (number, email, status, seller, dates). */
import type { OrderStatus, OrderSummary } from '@sauda/contracts';
import type { Db } from '@sauda/kit';

export interface OrderFilter {
  customerId?: string | undefined;
  q?: string | undefined;
  status?: OrderStatus | undefined;
  sellerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  limit: number;
}

/** A page of order summaries, newest first. */
export async function listOrders(db: Db, f: OrderFilter): Promise<{ items: OrderSummary[]; total: number }> {
  const q = f.q?.trim();
  const where = db`
    where true
    ${f.customerId ? db`and o.customer_id = ${f.customerId}` : db``}
    ${f.status ? db`and o.status = ${f.status}` : db``}
    ${f.sellerId ? db`and exists (select 1 from seller_orders so where so.order_id = o.id and so.seller_id = ${f.sellerId})` : db``}
    ${f.from ? db`and o.placed_at >= ${f.from}::timestamptz` : db``}
    ${f.to ? db`and o.placed_at < ${f.to}::timestamptz` : db``}
    ${q ? db`and (o.number ilike ${`%${q}%`} or o.customer_email ilike ${`%${q}%`} or o.id::text = ${q})` : db``}`;
  const rows = await db<
    Array<{
      id: string;
      number: string;
      status: OrderStatus;
      placed_at: Date;
      payable: string;
      currency: OrderSummary['total']['currency'];
      customer_id: string;
      item_count: number;
      seller_count: number;
      n: number;
    }>
  >`
    select o.id, o.number, o.status, o.placed_at, o.payable, o.currency, o.customer_id,
      (select coalesce(sum(quantity), 0)::int from order_lines l where l.order_id = o.id) as item_count,
      jsonb_array_length(o.sellers) as seller_count,
      count(*) over ()::int as n
    from orders o ${where}
    order by o.placed_at desc, o.id desc
    limit ${f.limit} offset ${(f.page - 1) * f.limit}`;
  return {
    total: rows[0]?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      placedAt: r.placed_at.toISOString(),
      total: { amount: Number(r.payable), currency: r.currency },
      itemCount: r.item_count,
      sellerCount: r.seller_count,
      customerId: r.customer_id,
    })),
  };
}
