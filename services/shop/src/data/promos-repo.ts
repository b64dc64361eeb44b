/** SQL for promo codes and their usage counters; every counter changes in one guarded statement. */
import type { Promo } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import type { PromoRule } from '../promos/promo-rules.ts';

export interface PromoRow {
  id: string;
  code: string;
  kind: PromoRule['kind'];
  percent: number | null;
  amount: string | null;
  currency: string | null;
  min_basket_amount: string | null;
  min_basket_currency: string | null;
  category_ids: string[];
  seller_ids: string[];
  product_ids: string[];
  starts_at: Date | null;
  ends_at: Date | null;
  usage_limit: number | null;
  per_customer_limit: number | null;
  used_count: number;
  stackable: boolean;
  active: boolean;
  description: string;
  created_at: Date;
}

/** The columns a promo is written with (create and update). */
export interface PromoValues {
  kind: PromoRule['kind'];
  percent: number | null;
  amount: number | null;
  currency: string | null;
  minBasketAmount: number | null;
  minBasketCurrency: string | null;
  categoryIds: string[];
  sellerIds: string[];
  productIds: string[];
  startsAt: Date | null;
  endsAt: Date | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  stackable: boolean;
  active: boolean;
  description: string;
}

/** The rule pricing needs. */
export function toRule(row: PromoRow): PromoRule {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    percent: row.percent,
    amount: row.amount === null ? null : Number(row.amount),
    currency: row.currency,
    minBasket:
      row.min_basket_amount === null
        ? null
        : { amount: Number(row.min_basket_amount), currency: row.min_basket_currency ?? 'KZT' },
    scope: { categoryIds: row.category_ids, sellerIds: row.seller_ids, productIds: row.product_ids },
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    usageLimit: row.usage_limit,
    perCustomerLimit: row.per_customer_limit,
    usedCount: row.used_count,
    stackable: row.stackable,
    active: row.active,
  };
}

/** The API shape. */
export function toPromo(row: PromoRow): Promo {
  const rule = toRule(row);
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    percent: row.percent,
    amount: rule.amount === null ? null : { amount: rule.amount, currency: (row.currency ?? 'KZT') as 'KZT' },
    minBasket: rule.minBasket as Promo['minBasket'],
    scope: rule.scope,
    startsAt: row.starts_at?.toISOString() ?? null,
    endsAt: row.ends_at?.toISOString() ?? null,
    usageLimit: row.usage_limit,
    perCustomerLimit: row.per_customer_limit,
    usedCount: row.used_count,
    stackable: row.stackable,
    active: row.active,
    description: row.description,
    createdAt: row.created_at.toISOString(),
  };
}

/** Promo codes by code, case-insensitively. */
export async function findPromosByCodes(db: Queryable, codes: string[]): Promise<PromoRow[]> {
  if (codes.length === 0) return [];
  const upper = codes.map((c) => c.toUpperCase());
  return db<
    PromoRow[]
  >`select * from promo_codes where upper(code) = any(${upper}::text[]) order by upper(code)`;
}

/** One promo by id. */
export async function findPromo(db: Queryable, id: string): Promise<PromoRow | undefined> {
  const [row] = await db<PromoRow[]>`select * from promo_codes where id = ${id}`;
  return row;
}

/** All promo codes, newest first, optionally filtered by a code fragment. */
export async function listPromos(
  db: Queryable,
  q: string | undefined,
  limit: number,
  offset: number,
): Promise<{ rows: PromoRow[]; total: number }> {
  const filter = q ? db`where code ilike ${`%${q}%`}` : db``;
  const rows = await db<(PromoRow & { total: number })[]>`
    select *, count(*) over ()::int as total from promo_codes ${filter}
    order by created_at desc, id limit ${limit} offset ${offset}`;
  return { rows, total: rows[0]?.total ?? 0 };
}

/** Inserts a promo; a taken code (case-insensitive) returns undefined. */
export async function insertPromo(
  db: Queryable,
  id: string,
  code: string,
  v: PromoValues,
): Promise<PromoRow | undefined> {
  const [row] = await db<PromoRow[]>`
    insert into promo_codes (id, code, kind, percent, amount, currency, min_basket_amount, min_basket_currency,
      category_ids, seller_ids, product_ids, starts_at, ends_at, usage_limit, per_customer_limit, stackable,
      active, description)
    values (${id}, ${code}, ${v.kind}, ${v.percent}, ${v.amount}, ${v.currency}, ${v.minBasketAmount},
      ${v.minBasketCurrency}, ${v.categoryIds}::uuid[], ${v.sellerIds}::uuid[], ${v.productIds}::uuid[],
      ${v.startsAt}, ${v.endsAt}, ${v.usageLimit}, ${v.perCustomerLimit}, ${v.stackable}, ${v.active},
      ${v.description})
    on conflict ((upper(code))) do nothing
    returning *`;
  return row;
}

/** Rewrites a promo's terms (not its code or counters). */
export async function updatePromo(db: Queryable, id: string, v: PromoValues): Promise<PromoRow | undefined> {
  const [row] = await db<PromoRow[]>`
    update promo_codes set kind = ${v.kind}, percent = ${v.percent}, amount = ${v.amount}, currency = ${v.currency},
      min_basket_amount = ${v.minBasketAmount}, min_basket_currency = ${v.minBasketCurrency},
      category_ids = ${v.categoryIds}::uuid[], seller_ids = ${v.sellerIds}::uuid[],
      product_ids = ${v.productIds}::uuid[], starts_at = ${v.startsAt}, ends_at = ${v.endsAt},
      usage_limit = ${v.usageLimit}, per_customer_limit = ${v.perCustomerLimit}, stackable = ${v.stackable},
      active = ${v.active}, description = ${v.description}, updated_at = now()
    where id = ${id}
    returning *`;
  return row;
}

/** How often each promo was used (reserved or confirmed) by a customer. */
export async function customerUses(
  db: Queryable,
  customerId: string | null,
  promoIds: string[],
): Promise<Map<string, number>> {
  if (!customerId || promoIds.length === 0) return new Map();
  const rows = await db<{ promo_id: string; used: number }[]>`
    select promo_id, used from promo_customer_usage
    where customer_id = ${customerId} and promo_id = any(${promoIds}::uuid[])`;
  return new Map(rows.map((r) => [r.promo_id, r.used]));
}

/** Records one order's use of a promo; false when this order already holds it (idempotent). */
export async function insertUsage(
  db: Queryable,
  promoId: string,
  orderId: string,
  customerId: string,
  status: 'reserved' | 'confirmed',
): Promise<boolean> {
  const rows = await db`
    insert into promo_usages (promo_id, order_id, customer_id, status)
    values (${promoId}, ${orderId}, ${customerId}, ${status})
    on conflict (promo_id, order_id) do nothing returning promo_id`;
  return rows.length === 1;
}

/** One more use, only while under the total limit: true when counted. */
export async function takeTotalUse(db: Queryable, promoId: string): Promise<boolean> {
  const rows = await db`
    update promo_codes set used_count = used_count + 1
    where id = ${promoId} and (usage_limit is null or used_count < usage_limit) returning id`;
  return rows.length === 1;
}

/** One more use by a customer, only while under the per-customer limit: true when counted. */
export async function takeCustomerUse(
  db: Queryable,
  promoId: string,
  customerId: string,
  limit: number | null,
): Promise<boolean> {
  const rows = await db`
    insert into promo_customer_usage as u (promo_id, customer_id, used) values (${promoId}, ${customerId}, 1)
    on conflict (promo_id, customer_id) do update set used = u.used + 1
    where ${limit}::int is null or u.used < ${limit}::int
    returning used`;
  return rows.length === 1 && (limit === null || Number((rows[0] as { used: number }).used) <= limit);
}

/** Moves an order's usages from one state to another; returns the promos that moved. */
export async function moveUsages(
  db: Queryable,
  orderId: string,
  from: Array<'reserved' | 'confirmed'>,
  to: 'confirmed' | 'released',
): Promise<Array<{ promo_id: string; customer_id: string }>> {
  return db<{ promo_id: string; customer_id: string }[]>`
    update promo_usages set status = ${to}, updated_at = now()
    where order_id = ${orderId} and status = any(${from}::text[])
    returning promo_id, customer_id`;
}

/** Gives one use back to the total and per-customer counters (a released usage). */
export async function giveBackUse(db: Queryable, promoId: string, customerId: string): Promise<void> {
  await db`update promo_codes set used_count = used_count - 1 where id = ${promoId} and used_count > 0`;
  await db`update promo_customer_usage set used = used - 1
           where promo_id = ${promoId} and customer_id = ${customerId} and used > 0`;
}
