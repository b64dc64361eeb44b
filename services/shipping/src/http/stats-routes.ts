/** The admin dashboard's delivery chart: on-time and late deliveries per day and per city. */
import { DayRangeQuery, OnTimeSeries } from '@sauda/contracts';
import { dayRange, type App, type Db } from '@sauda/kit';
import { onTimeStats } from '../stats/on-time-stats.ts';

const admin = { auth: { access: ['admin'], owns: 'every shipment' } } as const;

/** Registers the statistics routes. */
export function statsRoutes(app: App, db: Db): void {
  app.get(
    '/admin/shipments/stats',
    {
      config: admin,
      schema: {
        tags: ['statistics'],
        summary: 'Deliveries on time (by the promised date) and late, per day and per city',
        querystring: DayRangeQuery,
        response: { 200: OnTimeSeries },
      },
    },
    async (request) => onTimeStats(db, dayRange(request.query, new Date())),
  );
}
