import { describe, expect, it } from 'vitest';
import { dayOf, dayRange, fillDays } from './day-range.ts';

describe('day ranges for statistics', () => {
  it.each([
    [{ days: 1 }, '2026-11-21T10:00:00Z', '2026-11-21', '2026-11-21'],
    [{ days: 7 }, '2026-11-21T10:00:00Z', '2026-11-15', '2026-11-21'],
    // 20:00 UTC is already the next day in Almaty (UTC+5).
    [{ days: 30 }, '2026-11-21T20:00:00Z', '2026-10-24', '2026-11-22'],
    [{ days: 90, to: '2026-03-01' }, '2026-11-21T10:00:00Z', '2025-12-02', '2026-03-01'],
  ])('%o at %s spans %s to %s', (query, now, from, to) => {
    const range = dayRange(query, new Date(now));
    expect(range).toEqual({ from, to });
    // Invariant: the range holds exactly `days` calendar days.
    expect(fillDays(range, new Map(), (d) => d)).toHaveLength(query.days);
  });

  it('fills the days without a row with zeros, in order', () => {
    const days = fillDays(
      { from: '2026-02-27', to: '2026-03-02' },
      new Map([['2026-03-01', { date: '2026-03-01', n: 4 }]]),
      (date) => ({ date, n: 0 }),
    );
    expect(days).toEqual([
      { date: '2026-02-27', n: 0 },
      { date: '2026-02-28', n: 0 },
      { date: '2026-03-01', n: 4 },
      { date: '2026-03-02', n: 0 },
    ]);
  });

  it('reads the calendar day in Almaty', () => {
    expect(dayOf(new Date('2026-11-21T18:59:59Z'))).toBe('2026-11-21');
    expect(dayOf(new Date('2026-11-21T19:00:00Z'))).toBe('2026-11-22');
  });
});
