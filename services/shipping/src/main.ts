/** The shipping process: config → data runtime → carriers → app → consumers → demo seed → polling → listen. */
import { createUsersVerifier, openDataRuntime, runService } from '@sauda/kit';
import { buildApp } from './app.ts';
import { kazpostAdapter } from './carriers/kazpost-adapter.ts';
import { startCarrierPolling } from './carriers/poll-carriers.ts';
import { readConfig } from './config.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { seedDemoHistory } from './demo/seed-history.ts';
import { fleetHandlers, shipmentHandlers } from './events/subscribe.ts';
import { exposeShippingMetrics } from './tracking/delivery-metrics.ts';

const config = readConfig();
const runtime = await openDataRuntime('shipping', config, new URL('../migrations', import.meta.url));
const verifier = createUsersVerifier(config);
const carriers = new Map([['kazpost', kazpostAdapter({ secret: config.KAZPOST_WEBHOOK_SECRET })]]);
const policy = { maxAttempts: config.MAX_DELIVERY_ATTEMPTS };
const app = await buildApp({
  db: runtime.db,
  auth: verifier,
  carriers,
  policy,
  logLevel: config.LOG_LEVEL,
  logFormat: config.LOG_FORMAT,
});
shipmentHandlers(runtime.consumer('shipments', { maxAttempts: 10 }), carriers);
fleetHandlers(runtime.consumer('fleet', { maxAttempts: 10 }), policy);
exposeShippingMetrics(app);
runtime.attach(app);
if (config.DEMO_SEED)
  runtime.logger.info({ shipments: await seedDemo(runtime.db, carriers, policy) }, 'demo shipments seeded');
await runtime.start();
if (config.DEMO_SEED)
  // The dashboards' history is long to tell; the service answers meanwhile (the seed resumes if stopped).
  void seedDemoHistory(runtime.db, carriers, policy).then(
    (shipments) => runtime.logger.info({ shipments }, 'demo delivery history seeded'),
    (err: unknown) => runtime.logger.warn({ err }, 'demo delivery history not seeded'),
  );
const polling = startCarrierPolling(runtime.db, carriers, policy, config.CARRIER_POLL_MS, (err) =>
  runtime.logger.warn({ err }, 'carrier polling failed; retried next interval'),
);
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [() => polling.stop(), () => runtime.close(), () => verifier.close()],
});
