/** The read model of orders: whose an order is, what its lines are, its promised date and cash on delivery. */
import type { Money } from '@sauda/contracts';
import type { Queryable, Tx } from '@sauda/kit';

/** A line as the order placed it (productId is what `shop` needs to unlock reviews). */
export interface BookLine {
  lineId: string;
  variantId: string;
  productId: string;
  title: string;
}

export interface OrderBook {
  orderId: string;
  orderNumber: string | null;
  customerId: string | null;
  lines: BookLine[];
  promisedDate: string | null;
  cashOnDelivery: Money | null;
}

/** Records the placed order (idempotent: a replay writes the same values). */
export async function bookPlacedOrder(
  tx: Tx,
  order: { orderId: string; orderNumber: string; customerId: string; lines: BookLine[] },
): Promise<void> {
  await tx`
    insert into order_books (order_id, order_number, customer_id, lines)
    values (${order.orderId}, ${order.orderNumber}, ${order.customerId}, ${JSON.stringify(order.lines)}::text::jsonb)
    on conflict (order_id) do update set order_number = excluded.order_number,
      customer_id = excluded.customer_id, lines = excluded.lines, updated_at = now()`;
}

/** Records what confirmation adds (the promised date, cash on delivery); works before or after placement. */
export async function bookConfirmedOrder(
  tx: Tx,
  order: { orderId: string; customerId?: string; promisedDate?: string; cashOnDelivery?: Money },
): Promise<void> {
  await tx`
    insert into order_books (order_id, customer_id, promised_date, cod_amount, cod_currency)
    values (${order.orderId}, ${order.customerId ?? null}, ${order.promisedDate ?? null}::date,
      ${order.cashOnDelivery?.amount ?? null}, ${order.cashOnDelivery?.currency ?? null})
    on conflict (order_id) do update set
      customer_id = coalesce(order_books.customer_id, excluded.customer_id),
      promised_date = coalesce(excluded.promised_date, order_books.promised_date),
      cod_amount = coalesce(excluded.cod_amount, order_books.cod_amount),
      cod_currency = coalesce(excluded.cod_currency, order_books.cod_currency), updated_at = now()`;
}

/** The book of an order, when orders' events have arrived. */
export async function findOrderBook(db: Queryable, orderId: string): Promise<OrderBook | null> {
  const [row] = await db<
    Array<{
      order_id: string;
      order_number: string | null;
      customer_id: string | null;
      lines: BookLine[];
      promised_on: string | null;
      cod_amount: string | null;
      cod_currency: Money['currency'] | null;
    }>
  >`select *, promised_date::text as promised_on from order_books where order_id = ${orderId}`;
  if (!row) return null;
  return {
    orderId: row.order_id,
    orderNumber: row.order_number,
    customerId: row.customer_id,
    lines: row.lines,
    promisedDate: row.promised_on,
    cashOnDelivery:
      row.cod_amount !== null && row.cod_currency !== null
        ? { amount: Number(row.cod_amount), currency: row.cod_currency }
        : null,
  };
}
