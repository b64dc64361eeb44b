/** Builds the shop app without listening; tests call `inject()` on it. */
import { Product } from '@sauda/contracts';
import { createService, type App, type Db, type TokenVerifier } from '@sauda/kit';
import { shopErrors } from './errors.ts';
import { registerCatalog, type CatalogDeps } from './http/catalog-module.ts';
import { commerceErrors } from './commerce-errors.ts';
import { commerceRoutes } from './http/commerce-routes.ts';
import type { VatRates } from './quotes/quote-cart.ts';

export interface ShopDeps extends CatalogDeps {
  db: Db;
  auth: TokenVerifier;
  logLevel?: string;
  logFormat?: 'json' | 'pretty';
  /** VAT per country in basis points (quotes); Kazakhstan's 12 % when omitted. */
  vatRates?: VatRates;
}

/** The shop service: catalog, search, seller products. */
export async function buildApp(deps: ShopDeps): Promise<App> {
  const app = await createService({
    name: 'shop',
    description: 'Catalog, seller products and search.',
    errors: [...shopErrors, ...commerceErrors],
    auth: deps.auth,
    ...(deps.logLevel ? { logLevel: deps.logLevel } : {}),
    ...(deps.logFormat ? { logFormat: deps.logFormat } : {}),
  });
  app.addSchema(Product);
  await registerCatalog(app, deps);
  commerceRoutes(app, deps.db, deps.vatRates);
  return app;
}
