/** The orders process: config → data runtime → context → app → consumers → saga loop → listen. */
import {
  createMailer,
  createUsersVerifier,
  idempotencyMigrations,
  keyByField,
  openDataRuntime,
  runService,
} from '@sauda/kit';
import { buildApp } from './app.ts';
import { exposeOrdersMetrics } from './checkout/checkout-metrics.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { seedDemoHistory } from './demo/seed-history.ts';
import { readConfig } from './config.ts';
import { fulfilmentHandlers, sagaHandlers } from './events/subscribe.ts';
import { startMailRelay } from './notifications/mail-relay.ts';
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
exposeOrdersMetrics(app, runtime.db, config.SAGA_STUCK_AFTER_MS);
// One order's answers in their order; different orders' handlers share the batch's round trips.
sagaHandlers(
  runtime.consumer('saga', { maxAttempts: 20, batch: true, batchKey: keyByField('orderId'), parallel: 2 }),
  ctx,
);
fulfilmentHandlers(runtime.consumer('fulfilment', { maxAttempts: 20, batch: true }), ctx);
runtime.attach(app);
await runtime.start();
if (config.DEMO_SEED) {
  // Shop prices the demo orders; if it is not up yet, the next start seeds them (the seed is idempotent).
  await seedDemo(ctx).then(
    (created) => runtime.logger.info({ created }, 'demo orders seeded'),
    (error: unknown) => runtime.logger.warn({ err: error }, 'demo orders not seeded (shop unavailable?)'),
  );
  await seedDemoHistory(ctx).then(
    (created) => runtime.logger.info({ created }, 'demo order history seeded'),
    (error: unknown) =>
      runtime.logger.warn({ err: error }, 'demo order history not seeded (shop unavailable?)'),
  );
}
const saga = await startSagaLoop(runtime.db, ctx, config.SAGA_SWEEP_MS, runtime.logger);
const mailer = createMailer(config, runtime.logger);
// Without SMTP_URL or MAIL_DIR there is nowhere to send to: mail stays queued until one is configured.
const mail =
  mailer.kind === 'log'
    ? undefined
    : startMailRelay(
        runtime.db,
        mailer,
        { pollMs: config.MAIL_RELAY_MS, leaseMs: config.MAIL_LEASE_MS },
        runtime.logger,
      );
if (!mail) runtime.logger.warn('neither SMTP_URL nor MAIL_DIR is set: customer mail stays in email_outbox');
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  // The mail relay and the saga loop finish their last round before the clients and the pool they use go.
  closers: [
    async () => mail?.stop(),
    () => mailer.close(),
    () => saga.stop(),
    () => runtime.close(),
    () => close(),
    () => verifier.close(),
  ],
});
