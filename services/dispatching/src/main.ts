/** The dispatching process: config → data runtime → app → consumers → demo seed → listen. */
import { createUsersVerifier, idempotencyMigrations, openDataRuntime, runService } from '@sauda/kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { haversineProvider, osrmProvider } from './distances/distance-matrix.ts';
import { driverHandlers, shipmentHandlers } from './events/subscribe.ts';

const config = readConfig();
const runtime = await openDataRuntime(
  'dispatching',
  config,
  new URL('../migrations', import.meta.url),
  idempotencyMigrations,
);
const verifier = createUsersVerifier(config);
const distances = config.OSRM_URL
  ? osrmProvider({ baseUrl: config.OSRM_URL, db: runtime.db })
  : haversineProvider({ roadFactor: config.ROAD_FACTOR, speedKmh: config.CITY_SPEED_KMH });
const app = await buildApp({
  db: runtime.db,
  auth: verifier,
  distances,
  planBudgetMs: config.PLAN_BUDGET_MS,
  geofenceM: config.GEOFENCE_M,
  logLevel: config.LOG_LEVEL,
  logFormat: config.LOG_FORMAT,
});
shipmentHandlers(runtime.consumer('shipments', { maxAttempts: 10 }));
driverHandlers(runtime.consumer('drivers'));
runtime.attach(app);
if (config.DEMO_SEED) runtime.logger.info({ parcels: await seedDemo(runtime.db) }, 'demo dispatching seeded');
await runtime.start();
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [() => runtime.close(), () => verifier.close()],
});
