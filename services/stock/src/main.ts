/** The stock process: config → data runtime → app → consumers → demo seed → expiry sweeper → listen. */
import { createUsersVerifier, keyByField, openDataRuntime, runService } from '@sauda/kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { reservationHandlers, skuHandlers } from './events/subscribe.ts';
import { startExpirySweeper } from './reservations/expire-reservations.ts';

const config = readConfig();
const runtime = await openDataRuntime('stock', config, new URL('../migrations', import.meta.url));
const verifier = createUsersVerifier(config);
const app = await buildApp({
  db: runtime.db,
  auth: verifier,
  logLevel: config.LOG_LEVEL,
  logFormat: config.LOG_FORMAT,
});
// One batch at a time per replica, its orders at once: their statements share round trips, and one order's
// events run in their order. Two replicas' batches that wait on each other's level locks give up after
// 200 ms and go one by one.
reservationHandlers(
  runtime.consumer('reservations', { maxAttempts: 10, batch: true, batchKey: keyByField('orderId') }),
  config.RESERVATION_TTL_MS,
);
skuHandlers(runtime.consumer('skus'));
runtime.attach(app);
if (config.DEMO_SEED) runtime.logger.info({ levels: await seedDemo(runtime.db) }, 'demo stock seeded');
await runtime.start();
const sweeper = startExpirySweeper(runtime.db, config.EXPIRY_SWEEP_MS, (err) =>
  runtime.logger.warn({ err }, 'reservation expiry sweep failed; retried next interval'),
);
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [() => sweeper.stop(), () => runtime.close(), () => verifier.close()],
});
