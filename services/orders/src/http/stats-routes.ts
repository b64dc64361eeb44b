/** The dashboards' sales charts: a seller's own sales per day, the marketplace's (or one seller's) for admin. */
import { SalesSeries, SellerStatsQuery, StatsQuery } from '@sauda/contracts';
import { dayRange, principalOf, type App } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import { marketplaceSales, sellerSales } from '../stats/sales-stats.ts';

const seller = { access: ['seller'], owns: "the caller's own seller orders" } as const;
const admin = { access: ['admin'], owns: 'every order (admin)' } as const;

/** Registers the statistics routes. */
export function statsRoutes(app: App, ctx: OrdersContext): void {
  app.get(
    '/seller/orders/stats',
    {
      config: { auth: seller },
      schema: {
        tags: ['statistics'],
        summary: 'My sales per day: seller orders, their value and cancellations',
        querystring: StatsQuery,
        response: { 200: SalesSeries },
      },
    },
    async (request) =>
      sellerSales(
        ctx.db,
        principalOf(request).id,
        dayRange(request.query, ctx.now()),
        request.query.currency ?? 'KZT',
      ),
  );
  app.get(
    '/admin/orders/stats',
    {
      config: { auth: admin },
      schema: {
        tags: ['statistics'],
        summary: "GMV, orders and cancellations per day: the marketplace's, or one seller's",
        querystring: SellerStatsQuery,
        response: { 200: SalesSeries },
      },
    },
    async (request) => {
      const range = dayRange(request.query, ctx.now());
      const currency = request.query.currency ?? 'KZT';
      return request.query.sellerId
        ? sellerSales(ctx.db, request.query.sellerId, range, currency)
        : marketplaceSales(ctx.db, range, currency);
    },
  );
}
