/** A seller's settlement per day for the dashboards, read from their ledger account. */
import type { CurrencyCode, PayoutDay, PayoutSeries } from '@sauda/contracts';
import { fillDays, STATS_TIME_ZONE, type DayRange, type Queryable } from '@sauda/kit';
import { accounts } from '../ledger/post-entries.ts';

/**
 * Per day: net sales credited to the seller (after commission), refunds taken back, and payouts sent.
 * Reads through `ledger_entries (account, created_at)`.
 */
export async function sellerPayoutStats(
  db: Queryable,
  sellerId: string,
  range: DayRange,
  currency: CurrencyCode,
): Promise<PayoutSeries> {
  const rows = await db<{ date: string; settled: string; refunded: string; paid: string }[]>`
    select to_char((created_at at time zone ${STATS_TIME_ZONE})::date, 'YYYY-MM-DD') as date,
           coalesce(sum(amount) filter (where kind = 'sale'), 0)::text as settled,
           coalesce(-sum(amount) filter (where kind = 'refund'), 0)::text as refunded,
           coalesce(-sum(amount) filter (where kind = 'payout'), 0)::text as paid
    from ledger_entries
    where account = ${accounts.seller(sellerId)} and currency = ${currency}
      and created_at >= (${range.from}::date::timestamp at time zone ${STATS_TIME_ZONE})
      and created_at < ((${range.to}::date + 1)::timestamp at time zone ${STATS_TIME_ZONE})
    group by 1`;
  const found = new Map<string, PayoutDay>(
    rows.map((r) => [
      r.date,
      { date: r.date, settled: Number(r.settled), refunded: Number(r.refunded), paidOut: Number(r.paid) },
    ]),
  );
  const days = fillDays(range, found, (date) => ({ date, settled: 0, refunded: 0, paidOut: 0 }));
  const totals = days.reduce(
    (sum, d) => ({
      settled: sum.settled + d.settled,
      refunded: sum.refunded + d.refunded,
      paidOut: sum.paidOut + d.paidOut,
    }),
    { settled: 0, refunded: 0, paidOut: 0 },
  );
  return { ...range, currency, days, totals };
}
