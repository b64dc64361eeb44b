/** The orders process: config → data runtime → context → app → consumers → saga loop → listen. */
import { createUsersVerifier, idempotencyMigrations, openDataRuntime, runService } from '@sauda/kit';
import { buildApp } from './app.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { readConfig } from './config.ts';
import { fulfilmentHandlers, sagaHandlers } from './events/subscribe.ts';
import { startSagaLoop } from './saga-loop.ts';
import { createOrdersContext } from './wiring.ts';

const config = readConfig();
const runtime = await openDataRuntime(
  'orders',
  config,
  new URL('../migrations', import.meta.url),
  idempotencyMigrations,
);
const verifier = createUsersVerifier(config);
// Kicks go through NOTIFY (sent inside the transactions that make a step due), so every replica may act.
const { ctx, close } = createOrdersContext(
  runtime.db,
  config,
  (orderId) => void runtime.db.notify('orders_saga', orderId),
);
const app = await buildApp({ ctx, auth: verifier, logLevel: config.LOG_LEVEL, logFormat: config.LOG_FORMAT });
sagaHandlers(runtime.consumer('saga', { maxAttempts: 20 }), ctx);
fulfilmentHandlers(runtime.consumer('fulfilment', { maxAttempts: 20 }), ctx);
runtime.attach(app);
await runtime.start();
if (config.DEMO_SEED) {
  // Shop prices the demo orders; if it is not up yet, the next start seeds them (the seed is idempotent).
  await seedDemo(ctx).then(
    (created) => runtime.logger.info({ created }, 'demo orders seeded'),
    (error: unknown) => runtime.logger.warn({ err: error }, 'demo orders not seeded (shop unavailable?)'),
  );
}
const saga = await startSagaLoop(runtime.db, ctx, config.SAGA_SWEEP_MS, runtime.logger);
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [() => saga.stop(), () => runtime.close(), () => close(), () => verifier.close()],
});
