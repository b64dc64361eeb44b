/** The seller dashboard's money chart: settlements and payouts per day (a seller's own; admin: any seller's). */
import { PayoutSeries, StatsQuery, StatsRange, Uuid } from '@sauda/contracts';
import { dayRange, principalOf, type App } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import type { PaymentContext } from '../context.ts';
import { sellerPayoutStats } from '../stats/payout-stats.ts';

const seller = { auth: { access: ['seller'], owns: "the calling seller's own money" } } as const;
const admin = { auth: { access: ['admin'], owns: 'every seller payout' } } as const;

/** Registers the statistics routes. */
export function statsRoutes(app: App, ctx: PaymentContext): void {
  app.get(
    '/payment/seller/stats',
    {
      config: seller,
      schema: {
        tags: ['statistics'],
        summary: 'My settlements per day: net sales credited, refunds, payouts',
        querystring: StatsQuery,
        response: { 200: PayoutSeries },
      },
    },
    async (request) =>
      sellerPayoutStats(
        ctx.db,
        principalOf(request).id,
        dayRange(request.query, new Date()),
        request.query.currency ?? 'KZT',
      ),
  );
  app.get(
    '/payment/admin/sellers/:sellerId/stats',
    {
      config: admin,
      schema: {
        tags: ['statistics'],
        summary: "A seller's settlements per day: net sales credited, refunds, payouts",
        params: Type.Object({ sellerId: Uuid }, { additionalProperties: false }),
        querystring: Type.Object(StatsRange, { additionalProperties: false }),
        response: { 200: PayoutSeries },
      },
    },
    async (request) =>
      sellerPayoutStats(
        ctx.db,
        request.params.sellerId,
        dayRange(request.query, new Date()),
        request.query.currency ?? 'KZT',
      ),
  );
}
