/**
 * Statistics over time for the dashboards' charts: daily buckets (Asia/Almaty calendar days) over a
 * range of whole days ending today or on `to`. Each owning service computes them from its own tables.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CurrencyCode, Uuid } from '../primitives.ts';

/** The longest range a statistics query may ask for, in days. */
export const STATS_MAX_DAYS = 366;

/** The range every statistics endpoint takes: `days` days ending on `to` (default today). */
export const StatsDays = {
  days: Type.Integer({ minimum: 1, maximum: STATS_MAX_DAYS, default: 30, description: 'days in the range' }),
  to: Type.Optional(
    Type.String({ format: 'date', description: 'last day of the range (Asia/Almaty), default today' }),
  ),
};

/** A range of days without money in it. */
export const DayRangeQuery = Type.Object(StatsDays, { additionalProperties: false });
export type DayRangeQuery = Static<typeof DayRangeQuery>;

/** The range plus the currency money is counted in (KZT unless asked). */
export const StatsRange = { ...StatsDays, currency: Type.Optional(CurrencyCode) };

/** The query of a statistics endpoint. */
export const StatsQuery = Type.Object(StatsRange, { additionalProperties: false });
export type StatsQuery = Static<typeof StatsQuery>;

/** The same, with an optional seller (admin routes). */
export const SellerStatsQuery = Type.Object(
  { ...StatsRange, sellerId: Type.Optional(Uuid) },
  { additionalProperties: false },
);
export type SellerStatsQuery = Static<typeof SellerStatsQuery>;

const Day = Type.String({ format: 'date', description: 'calendar day in Asia/Almaty' });
const Minor = Type.Integer({ description: 'integer minor units of `currency`' });
const Count = Type.Integer({ minimum: 0 });

/** One day of sales: orders placed, their value (cancelled ones excluded) and cancellations. */
export const SalesDay = Type.Object({
  date: Day,
  orders: Count,
  gmv: Minor,
  cancelled: Count,
});
export type SalesDay = Static<typeof SalesDay>;

/** Sales per day over a range, every day present (zeros included), with the range's totals. */
export const SalesSeries = Type.Object({
  from: Day,
  to: Day,
  currency: CurrencyCode,
  days: Type.Array(SalesDay),
  totals: Type.Object({ orders: Count, gmv: Minor, cancelled: Count }),
});
export type SalesSeries = Static<typeof SalesSeries>;

/** One day of a seller's settlement: net sales credited (after commission), refunds debited, paid out. */
export const PayoutDay = Type.Object({
  date: Day,
  settled: Minor,
  refunded: Minor,
  paidOut: Minor,
});
export type PayoutDay = Static<typeof PayoutDay>;

/** A seller's settlements and payouts per day over a range. */
export const PayoutSeries = Type.Object({
  from: Day,
  to: Day,
  currency: CurrencyCode,
  days: Type.Array(PayoutDay),
  totals: Type.Object({ settled: Minor, refunded: Minor, paidOut: Minor }),
});
export type PayoutSeries = Static<typeof PayoutSeries>;

/** Deliveries of one day (or one city): on time (by the promised date) and late. */
export const OnTimeDay = Type.Object({
  date: Day,
  onTime: Count,
  late: Count,
});
export type OnTimeDay = Static<typeof OnTimeDay>;

/** Outbound deliveries per day and per city over a range. */
export const OnTimeSeries = Type.Object({
  from: Day,
  to: Day,
  days: Type.Array(OnTimeDay),
  cities: Type.Array(Type.Object({ city: Type.String(), onTime: Count, late: Count })),
  totals: Type.Object({ onTime: Count, late: Count }),
});
export type OnTimeSeries = Static<typeof OnTimeSeries>;
