/** Local clock times of a sorting centre (its UTC offset), independent of the browser's zone. */

/** "HH:MM" at the centre for an instant. */
export function clockAt(iso: string | null | undefined, offsetMinutes: number): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(11, 16);
}

/** "HH:MM–HH:MM" of a window. */
export function windowAt(w: { from: string; to: string } | null | undefined, offsetMinutes: number): string {
  return w ? `${clockAt(w.from, offsetMinutes)}–${clockAt(w.to, offsetMinutes)}` : '—';
}

/** Today at a centre, YYYY-MM-DD. */
export function todayAt(offsetMinutes: number, now = new Date()): string {
  return new Date(now.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}
