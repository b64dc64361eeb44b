/** Builds the orders app without listening; tests call `inject()` on it. */
import { createService, type App, type TokenVerifier } from '@sauda/kit';
import type { OrdersContext } from './context.ts';
import { ordersErrors } from './errors.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { cartRoutes } from './http/cart-routes.ts';
import { mailRoutes } from './http/mail-routes.ts';
import { orderRoutes } from './http/order-routes.ts';
import { returnPhotoRoutes } from './http/return-photo-routes.ts';
import { sellerRoutes } from './http/seller-routes.ts';
import { statsRoutes } from './http/stats-routes.ts';

export interface OrdersDeps {
  ctx: OrdersContext;
  auth: TokenVerifier;
  logLevel?: string;
  logFormat?: 'json' | 'pretty';
}

/** The orders service: carts, checkout and its saga, orders, seller orders, cancellations and returns. */
export async function buildApp(deps: OrdersDeps): Promise<App> {
  const app = await createService({
    name: 'orders',
    description:
      'Carts, checkout (the saga), customer orders and seller orders, cancellations, returns and order mail.',
    errors: ordersErrors,
    auth: deps.auth,
    ...(deps.logLevel ? { logLevel: deps.logLevel } : {}),
    ...(deps.logFormat ? { logFormat: deps.logFormat } : {}),
  });
  // Carts and orders are per person: never kept by a shared cache (the gateway's micro-cache included).
  app.addHook('onSend', async (_request, reply) => {
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'private, no-store');
  });
  cartRoutes(app, deps.ctx);
  orderRoutes(app, deps.ctx);
  await returnPhotoRoutes(app, deps.ctx);
  sellerRoutes(app, deps.ctx);
  adminRoutes(app, deps.ctx);
  mailRoutes(app, deps.ctx);
  statsRoutes(app, deps.ctx);
  return app;
}
