/** The payment process: config → data runtime (+ the kit's idempotency table) → providers → app → demo seed → listen. */
import { GiftCardRedeemed } from '@sauda/contracts';
import {
  createDb,
  createUsersVerifier,
  idempotencyMigrations,
  openDataRuntime,
  runService,
} from '@sauda/kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { seedDemoHistory } from './demo/seed-history.ts';
import { onGiftCardRedeemed } from './events/giftcard-redeemed.ts';
import { startForgottenAuthorizationSweep } from './intents/forgotten-sweep.ts';
import { exposePaymentMetrics } from './intents/payment-metrics.ts';
import { createPaymentContext } from './providers/open-providers.ts';

const config = readConfig();
const migrations = new URL('../migrations', import.meta.url);
const runtime = await openDataRuntime('payment', config, migrations, idempotencyMigrations);
const verifier = createUsersVerifier(config);
const bankDb = createDb(config.DATABASE_URL, { max: 4, applicationName: 'payment-sandbox-bank' });
const ctx = createPaymentContext(runtime.db, config, { bankDb });
const app = await buildApp({ ctx, auth: verifier, logLevel: config.LOG_LEVEL, logFormat: config.LOG_FORMAT });
exposePaymentMetrics(app);
runtime.attach(app);
runtime.consumer('wallet-credits').on(GiftCardRedeemed, onGiftCardRedeemed);
if (config.DEMO_SEED) {
  runtime.logger.info({ seeded: await seedDemo(ctx) }, 'demo payments seeded');
  runtime.logger.info({ seeded: await seedDemoHistory(ctx) }, 'demo settlement history seeded');
}
await runtime.start();
const forgotten = startForgottenAuthorizationSweep(ctx, runtime.logger);
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [
    () => forgotten.stop(),
    () => ctx.sandbox?.close() ?? Promise.resolve(),
    () => runtime.close(),
    () => bankDb.end({ timeout: 5 }),
    () => verifier.close(),
  ],
});
