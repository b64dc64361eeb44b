/** SQL for the local projection of orders: what was placed, confirmed, cancelled and received. */
import type { Queryable } from '@sauda/kit';

/** An order as the commerce half knows it. */
export interface CommerceOrderRow {
  order_id: string;
  customer_id: string | null;
  promo_codes: string[];
  placed: boolean;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  applied_at: Date | null;
}

/** Records a placed order (customer, codes); returns the row as it now stands. */
export async function notePlaced(
  db: Queryable,
  o: { orderId: string; customerId: string; promoCodes: string[] },
): Promise<CommerceOrderRow> {
  const [row] = await db<CommerceOrderRow[]>`
    insert into commerce_orders (order_id, customer_id, promo_codes, placed)
    values (${o.orderId}, ${o.customerId}, ${o.promoCodes}::text[], true)
    on conflict (order_id) do update set customer_id = excluded.customer_id,
      promo_codes = excluded.promo_codes, placed = true
    returning *`;
  return row as CommerceOrderRow;
}

/** Records a confirmation (it may arrive before the placement). */
export async function noteConfirmed(db: Queryable, orderId: string, at: Date): Promise<CommerceOrderRow> {
  const [row] = await db<CommerceOrderRow[]>`
    insert into commerce_orders (order_id, confirmed_at) values (${orderId}, ${at})
    on conflict (order_id) do update set confirmed_at = coalesce(commerce_orders.confirmed_at, excluded.confirmed_at)
    returning *`;
  return row as CommerceOrderRow;
}

/** Marks the order cancelled once; returns the row when this call cancelled it, undefined on a repeat. */
export async function noteCancelled(
  db: Queryable,
  orderId: string,
  at: Date,
): Promise<CommerceOrderRow | undefined> {
  const [row] = await db<CommerceOrderRow[]>`
    insert into commerce_orders (order_id, cancelled_at) values (${orderId}, ${at})
    on conflict (order_id) do update set cancelled_at = excluded.cancelled_at
    where commerce_orders.cancelled_at is null
    returning *`;
  return row;
}

/** Stores the order's lines in one statement (idempotent per order and variant: the first line stays). */
export async function insertPurchases(
  db: Queryable,
  orderId: string,
  customerId: string,
  lines: Array<{ variantId: string; productId: string; quantity: number }>,
): Promise<void> {
  await db`
    insert into purchases (order_id, variant_id, product_id, customer_id, quantity)
    select ${orderId}, l.variant_id, l.product_id, ${customerId}, l.quantity
    from unnest(${lines.map((l) => l.variantId)}::uuid[], ${lines.map((l) => l.productId)}::uuid[],
                ${lines.map((l) => l.quantity)}::int[]) as l(variant_id, product_id, quantity)
    on conflict (order_id, variant_id) do nothing`;
}

/** The distinct products of an order. */
export async function productsOfOrder(db: Queryable, orderId: string): Promise<string[]> {
  const rows = await db<{ product_id: string }[]>`
    select distinct product_id from purchases where order_id = ${orderId} order by product_id`;
  return rows.map((r) => r.product_id);
}

/** Sets the confirmation or cancellation time on the order's lines. */
export async function stampPurchases(
  db: Queryable,
  orderId: string,
  field: 'confirmed' | 'cancelled',
  at: Date,
): Promise<void> {
  if (field === 'confirmed') await db`update purchases set confirmed_at = ${at} where order_id = ${orderId}`;
  else await db`update purchases set cancelled_at = ${at} where order_id = ${orderId}`;
}

/** Marks lines received; lines the projection never saw (a lost placement) are added from the delivery. */
export async function markReceived(
  db: Queryable,
  orderId: string,
  customerId: string,
  lines: Array<{ variantId: string; productId: string; quantity: number }>,
  at: Date,
): Promise<void> {
  for (const l of lines) {
    await db`
      insert into purchases (order_id, variant_id, product_id, customer_id, quantity, received_at)
      values (${orderId}, ${l.variantId}, ${l.productId}, ${customerId}, ${l.quantity}, ${at})
      on conflict (order_id, variant_id) do update set received_at = coalesce(purchases.received_at, excluded.received_at)`;
  }
}

/** True when the customer received the product on an order that was not cancelled. */
export async function hasReceived(db: Queryable, customerId: string, productId: string): Promise<boolean> {
  const [row] = await db<{ ok: boolean }[]>`
    select exists (select 1 from purchases where customer_id = ${customerId} and product_id = ${productId}
                   and received_at is not null and cancelled_at is null) as ok`;
  return row?.ok ?? false;
}

/** The customer's most recent confirmed products, newest first: the seed of "for you". */
export async function recentProductsOf(db: Queryable, customerId: string, limit: number): Promise<string[]> {
  const rows = await db<{ product_id: string }[]>`
    select product_id from purchases where customer_id = ${customerId} and confirmed_at is not null
      and cancelled_at is null
    group by product_id order by max(confirmed_at) desc limit ${limit}`;
  return rows.map((r) => r.product_id);
}
