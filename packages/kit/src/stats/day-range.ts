/** Daily buckets for statistics: the calendar days of a range in the marketplace's zone, zeros filled in. */

/** The zone whose calendar days the statistics count (Kazakhstan's, where the marketplace trades). */
export const STATS_TIME_ZONE = 'Asia/Almaty';

const DAY_MS = 86_400_000;

/** A range of whole days, both ends included, as ISO dates (`2026-11-21`). */
export interface DayRange {
  from: string;
  to: string;
}

/** The calendar day of an instant in the statistics zone. */
export function dayOf(at: Date, timeZone = STATS_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

const addDays = (date: string, n: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The `days` days ending on `to` (default: today in the statistics zone). */
export function dayRange(query: { days: number; to?: string | undefined }, now: Date): DayRange {
  const to = query.to ?? dayOf(now);
  return { from: addDays(to, 1 - query.days), to };
}

/** Every day of the range in order, each the row found for it or `zero(date)`. */
export function fillDays<T>(range: DayRange, found: Map<string, T>, zero: (date: string) => T): T[] {
  const days: T[] = [];
  for (let date = range.from; date <= range.to; date = addDays(date, 1))
    days.push(found.get(date) ?? zero(date));
  return days;
}
