/** Builds the stock app without listening; tests call `inject()` on it. */
import { createService, type App, type Db, type TokenVerifier } from '@sauda/kit';
import { stockErrors } from './errors.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { availabilityRoutes } from './http/availability-routes.ts';
import { sellerRoutes } from './http/seller-routes.ts';
import { warehouseDeskRoutes } from './http/warehouse-desk-routes.ts';
import { warehouseTaskRoutes } from './http/warehouse-task-routes.ts';

export interface StockDeps {
  db: Db;
  auth: TokenVerifier;
  logLevel?: string;
  logFormat?: 'json' | 'pretty';
}

/** The stock service: depots, levels, seller stock, pick/pack, receiving and returns. */
export async function buildApp(deps: StockDeps): Promise<App> {
  const app = await createService({
    name: 'stock',
    description: 'Depots, stock levels and their ledger, reservations, pick and pack, receiving and returns.',
    errors: stockErrors,
    auth: deps.auth,
    ...(deps.logLevel ? { logLevel: deps.logLevel } : {}),
    ...(deps.logFormat ? { logFormat: deps.logFormat } : {}),
  });
  sellerRoutes(app, deps.db);
  warehouseTaskRoutes(app, deps.db);
  warehouseDeskRoutes(app, deps.db);
  adminRoutes(app, deps.db);
  availabilityRoutes(app, deps.db);
  return app;
}
