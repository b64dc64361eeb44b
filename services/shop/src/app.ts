/** Builds the shop app without listening; tests call `inject()` on it. */
import { Product } from '@sauda/contracts';
import { createService, type App, type Db, type TokenVerifier } from '@sauda/kit';
import { shopErrors } from './errors.ts';
import { catalogRoutes } from './http/catalog-routes.ts';
import { sellerRoutes } from './http/seller-routes.ts';

export interface ShopDeps {
  db: Db;
  auth: TokenVerifier;
  logLevel?: string;
  logFormat?: 'json' | 'pretty';
  /** How long a public search answer is reused; 0 (the default) always queries. */
  catalogCacheTtlMs?: number;
}

/** The shop service: catalog, search, seller products. */
export async function buildApp(deps: ShopDeps): Promise<App> {
  const app = await createService({
    name: 'shop',
    description: 'Catalog, seller products and search.',
    errors: shopErrors,
    auth: deps.auth,
    ...(deps.logLevel ? { logLevel: deps.logLevel } : {}),
    ...(deps.logFormat ? { logFormat: deps.logFormat } : {}),
  });
  app.addSchema(Product);
  catalogRoutes(app, deps.db, deps.catalogCacheTtlMs ?? 0);
  sellerRoutes(app, deps.db);
  return app;
}
