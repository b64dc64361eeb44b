/** Builds the shipping app without listening; tests call `inject()` on it. */
import { createService, type App, type Db, type TokenVerifier } from '@sauda/kit';
import type { CarrierRegistry } from './carriers/carrier.ts';
import { shippingErrors } from './errors.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { carrierRoutes } from './http/carrier-routes.ts';
import { statsRoutes } from './http/stats-routes.ts';
import { trackingRoutes } from './http/tracking-routes.ts';
import type { TrackPolicy } from './tracking/track.ts';

export interface ShippingDeps {
  db: Db;
  auth: TokenVerifier;
  carriers: CarrierRegistry;
  policy: TrackPolicy;
  logLevel?: string;
  logFormat?: 'json' | 'pretty';
}

/** The shipping service: shipments, tracking numbers, the tracking log, public tracking, carriers. */
export async function buildApp(deps: ShippingDeps): Promise<App> {
  const app = await createService({
    name: 'shipping',
    description:
      'Shipments (outbound, returns, returns to sender), S10 tracking numbers, the append-only tracking log, public tracking and carriers.',
    errors: shippingErrors,
    auth: deps.auth,
    ...(deps.logLevel ? { logLevel: deps.logLevel } : {}),
    ...(deps.logFormat ? { logFormat: deps.logFormat } : {}),
  });
  trackingRoutes(app, deps.db, deps.policy);
  adminRoutes(app, deps.db, deps.policy);
  statsRoutes(app, deps.db);
  await carrierRoutes(app, deps.db, deps.carriers, deps.policy);
  return app;
}
