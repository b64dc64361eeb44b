/** A centre's local day: seconds since local midnight ↔ instants, and shift clocks ("HH:MM"). */

/** The local day of `at` at a centre with this UTC offset, as YYYY-MM-DD. */
export function localDay(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The instant of local midnight starting `day`. */
export function dayStart(day: string, utcOffsetMinutes: number): number {
  return Date.parse(`${day}T00:00:00Z`) - utcOffsetMinutes * 60_000;
}

/** Seconds since local midnight of `day` → the instant. */
export function instantOf(day: string, utcOffsetMinutes: number, seconds: number): Date {
  return new Date(dayStart(day, utcOffsetMinutes) + Math.round(seconds) * 1000);
}

/** The instant → seconds since local midnight of `day` (negative before, above 86 400 after). */
export function secondsOf(day: string, utcOffsetMinutes: number, at: Date): number {
  return Math.round((at.getTime() - dayStart(day, utcOffsetMinutes)) / 1000);
}

/** "HH:MM" → seconds since midnight. */
export function clockSeconds(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60;
}

/** The ETA window shown to customers around a planned arrival. */
export function etaWindow(arrival: Date, halfWidthMinutes = 30): { from: Date; to: Date } {
  return {
    from: new Date(arrival.getTime() - halfWidthMinutes * 60_000),
    to: new Date(arrival.getTime() + halfWidthMinutes * 60_000),
  };
}
