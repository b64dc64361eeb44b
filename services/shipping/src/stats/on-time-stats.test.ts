import { DEMO_IDS, type OnTimeSeries } from '@sauda/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyParcels, seedDemoHistory } from '../demo/seed-history.ts';
import { createShippingTestApp, type ShippingTestApp } from '../test/shipping-test-app.ts';

describe('deliveries on time per day and per city', () => {
  let t: ShippingTestApp;
  let admin: Record<string, string>;
  const now = new Date();
  let opened = 0;
  beforeAll(async () => {
    t = await createShippingTestApp();
    admin = await t.as(DEMO_IDS.admin, ['admin']);
    opened = await seedDemoHistory(t.db.sql, t.carriers, t.policy, now);
  });
  afterAll(() => t.close());

  it('tells the delivery history once, through the tracking log', async () => {
    expect(opened).toBe(historyParcels(now).length);
    expect(await seedDemoHistory(t.db.sql, t.carriers, t.policy, now)).toBe(0);
  });

  it('seeds deliveries that all fall inside the last 90 Almaty days, whatever the hour', () => {
    // Almaty is UTC+5: its day starts at 19:00 UTC.
    for (let hour = 0; hour < 24; hour += 1) {
      const at = new Date(Date.UTC(2026, 10, 21, hour, 30));
      const almatyMidnight = Date.UTC(2026, 10, 21, 19) - (hour >= 19 ? 0 : 86_400_000);
      const windowStart = almatyMidnight - 89 * 86_400_000;
      for (const parcel of historyParcels(at))
        expect(parcel.packedAt.getTime() + parcel.deliveredAfterH * 3_600_000).toBeGreaterThanOrEqual(
          windowStart,
        );
    }
  });

  it('counts every delivered parcel once, on time or late against its promised date', async () => {
    const answer = await t.app.inject({ url: '/admin/shipments/stats?days=90', headers: admin });
    expect(answer.statusCode).toBe(200);
    const series = answer.json<OnTimeSeries>();
    expect(series.days).toHaveLength(90);
    expect(series.totals.onTime + series.totals.late).toBe(opened);
    expect(series.totals.late).toBeGreaterThan(0);
    expect(series.totals.onTime).toBeGreaterThan(series.totals.late);
    // Invariant: the days and the cities are two cuts of the same deliveries.
    const byCity = series.cities.reduce((sum, c) => sum + c.onTime + c.late, 0);
    expect(byCity).toBe(opened);
    expect(series.cities.map((c) => c.city).sort()).toEqual(['Almaty', 'Astana', 'Shymkent']);
    const [late] = await t.db.sql<{ n: number }[]>`
      select count(*)::int as n from shipments s join tracking_events e on e.shipment_id = s.id and e.status = 'delivered'
      where (e.occurred_at at time zone e.time_zone)::date > s.promised_date`;
    expect(series.totals.late).toBe(late?.n);
  });

  it('answers an empty range with zeros on every day', async () => {
    const series = (
      await t.app.inject({ url: '/admin/shipments/stats?days=7&to=2020-01-07', headers: admin })
    ).json<OnTimeSeries>();
    expect(series.days.map((d) => d.date)).toEqual([
      '2020-01-01',
      '2020-01-02',
      '2020-01-03',
      '2020-01-04',
      '2020-01-05',
      '2020-01-06',
      '2020-01-07',
    ]);
    expect(series.totals).toEqual({ onTime: 0, late: 0 });
    expect(series.cities).toEqual([]);
  });

  it('is for admins only, and refuses a range out of bounds with a problem', async () => {
    const support = await t.as(DEMO_IDS.support, ['support']);
    expect((await t.app.inject({ url: '/admin/shipments/stats', headers: support })).statusCode).toBe(403);
    const bad = await t.app.inject({ url: '/admin/shipments/stats?days=0', headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
