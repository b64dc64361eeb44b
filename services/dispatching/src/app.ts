/** Builds the dispatching app without listening; tests call `inject()` on it. */
import { createService, type App, type Db, type TokenVerifier } from '@sauda/kit';
import type { DispatchContext } from './context.ts';
import type { DistanceProvider } from './distances/distance-matrix.ts';
import { dispatchingErrors } from './errors.ts';
import { boardRoutes } from './http/board-routes.ts';
import { driverRoutes } from './http/driver-routes.ts';
import { fleetRoutes } from './http/fleet-routes.ts';
import { liveRoutes } from './http/live-routes.ts';

export interface DispatchingDeps {
  db: Db;
  auth: TokenVerifier;
  distances: DistanceProvider;
  planBudgetMs?: number;
  geofenceM?: number;
  now?: () => Date;
  /** How often the live feed polls (tests shorten it). */
  liveFrameMs?: number;
  logLevel?: string;
  logFormat?: 'json' | 'pretty';
}

/** The dispatching service: centres, fleet, rounds, the driver app, live positions. */
export async function buildApp(deps: DispatchingDeps): Promise<App> {
  const app = await createService({
    name: 'dispatching',
    description:
      'Sorting centres, vehicles and drivers, driver geolocation, optimised delivery rounds and proof of delivery.',
    errors: dispatchingErrors,
    auth: deps.auth,
    ...(deps.logLevel ? { logLevel: deps.logLevel } : {}),
    ...(deps.logFormat ? { logFormat: deps.logFormat } : {}),
  });
  const ctx: DispatchContext = {
    db: deps.db,
    distances: deps.distances,
    planBudgetMs: deps.planBudgetMs ?? 3000,
    geofenceM: deps.geofenceM ?? 120,
    now: deps.now ?? (() => new Date()),
  };
  fleetRoutes(app, deps.db);
  boardRoutes(app, ctx);
  liveRoutes(app, deps.db, deps.liveFrameMs);
  driverRoutes(app, ctx);
  return app;
}
