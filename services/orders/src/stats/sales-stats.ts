/** Sales per day for the dashboards: a seller's own seller orders, or the whole marketplace's orders. */
import type { CurrencyCode, SalesDay, SalesSeries } from '@sauda/contracts';
import { fillDays, STATS_TIME_ZONE, type DayRange, type Queryable } from '@sauda/kit';

interface DayRow {
  date: string;
  orders: number;
  gmv: string;
  cancelled: number;
}

function series(range: DayRange, currency: CurrencyCode, rows: DayRow[]): SalesSeries {
  const found = new Map<string, SalesDay>(
    rows.map((r) => [r.date, { date: r.date, orders: r.orders, gmv: Number(r.gmv), cancelled: r.cancelled }]),
  );
  const days = fillDays(range, found, (date) => ({ date, orders: 0, gmv: 0, cancelled: 0 }));
  const totals = days.reduce(
    (sum, d) => ({
      orders: sum.orders + d.orders,
      gmv: sum.gmv + d.gmv,
      cancelled: sum.cancelled + d.cancelled,
    }),
    { orders: 0, gmv: 0, cancelled: 0 },
  );
  return { ...range, currency, days, totals };
}

/**
 * One seller's sales per day: their seller orders created in the range (in `currency`), the value of
 * those not cancelled, and how many were cancelled. Reads through `seller_orders (seller_id, created_at)`.
 */
export async function sellerSales(
  db: Queryable,
  sellerId: string,
  range: DayRange,
  currency: CurrencyCode,
): Promise<SalesSeries> {
  const rows = await db<DayRow[]>`
    select to_char((s.created_at at time zone ${STATS_TIME_ZONE})::date, 'YYYY-MM-DD') as date,
           count(*)::int as orders,
           coalesce(sum(s.total) filter (where s.status <> 'cancelled'), 0)::text as gmv,
           (count(*) filter (where s.status = 'cancelled'))::int as cancelled
    from seller_orders s join orders o on o.id = s.order_id
    where s.seller_id = ${sellerId}
      and s.created_at >= (${range.from}::date::timestamp at time zone ${STATS_TIME_ZONE})
      and s.created_at < ((${range.to}::date + 1)::timestamp at time zone ${STATS_TIME_ZONE})
      and o.currency = ${currency}
    group by 1`;
  return series(range, currency, rows);
}

/**
 * The marketplace's orders per day: orders placed in the range (failed payments are not orders anyone
 * bought, so they are left out), GMV of those not cancelled, and cancellations. Reads through
 * `orders (placed_at)`.
 */
export async function marketplaceSales(
  db: Queryable,
  range: DayRange,
  currency: CurrencyCode,
): Promise<SalesSeries> {
  const rows = await db<DayRow[]>`
    select to_char((placed_at at time zone ${STATS_TIME_ZONE})::date, 'YYYY-MM-DD') as date,
           count(*)::int as orders,
           coalesce(sum(total) filter (where status <> 'cancelled'), 0)::text as gmv,
           (count(*) filter (where status = 'cancelled'))::int as cancelled
    from orders
    where placed_at >= (${range.from}::date::timestamp at time zone ${STATS_TIME_ZONE})
      and placed_at < ((${range.to}::date + 1)::timestamp at time zone ${STATS_TIME_ZONE})
      and status <> 'failed'
      and currency = ${currency}
    group by 1`;
  return series(range, currency, rows);
}
