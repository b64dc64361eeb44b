/** Delivery on-time rate per day and per city for the admin dashboard, from the tracking log. */
import type { OnTimeDay, OnTimeSeries } from '@sauda/contracts';
import { fillDays, STATS_TIME_ZONE, type DayRange, type Queryable } from '@sauda/kit';

/**
 * Outbound shipments delivered in the range, by the day of delivery: on time when delivered (in the
 * place's local time) no later than the promised date, late otherwise. A shipment counts once, on its
 * first delivery. Reads through the partial index `tracking_events (occurred_at) where status = 'delivered'`.
 */
export async function onTimeStats(db: Queryable, range: DayRange): Promise<OnTimeSeries> {
  const rows = await db<{ date: string; city: string; on_time: number; late: number }[]>`
    with delivered as (
      select distinct on (e.shipment_id) e.shipment_id, e.occurred_at, e.time_zone
      from tracking_events e
      where e.status = 'delivered'
        and e.occurred_at >= (${range.from}::date::timestamp at time zone ${STATS_TIME_ZONE})
        and e.occurred_at < ((${range.to}::date + 1)::timestamp at time zone ${STATS_TIME_ZONE})
      order by e.shipment_id, e.occurred_at
    )
    select to_char((d.occurred_at at time zone ${STATS_TIME_ZONE})::date, 'YYYY-MM-DD') as date,
           coalesce(s.recipient ->> 'city', '') as city,
           (count(*) filter (where (d.occurred_at at time zone d.time_zone)::date <= s.promised_date))::int as on_time,
           (count(*) filter (where (d.occurred_at at time zone d.time_zone)::date > s.promised_date))::int as late
    from delivered d join shipments s on s.id = d.shipment_id
    where s.kind = 'outbound'
    group by 1, 2`;
  const byDay = new Map<string, OnTimeDay>();
  const byCity = new Map<string, { city: string; onTime: number; late: number }>();
  for (const r of rows) {
    const day = byDay.get(r.date) ?? { date: r.date, onTime: 0, late: 0 };
    byDay.set(r.date, { ...day, onTime: day.onTime + r.on_time, late: day.late + r.late });
    const city = byCity.get(r.city) ?? { city: r.city, onTime: 0, late: 0 };
    byCity.set(r.city, { ...city, onTime: city.onTime + r.on_time, late: city.late + r.late });
  }
  const days = fillDays(range, byDay, (date) => ({ date, onTime: 0, late: 0 }));
  const totals = days.reduce((sum, d) => ({ onTime: sum.onTime + d.onTime, late: sum.late + d.late }), {
    onTime: 0,
    late: 0,
  });
  const cities = [...byCity.values()].sort(
    (a, b) => b.onTime + b.late - (a.onTime + a.late) || a.city.localeCompare(b.city),
  );
  return { ...range, days, cities, totals };
}
