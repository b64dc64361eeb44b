/** The users process: config → data runtime → keys → app → consumers (shops, notifier) → demo seed → listen. */
import { NotificationRequested, ProductCreated } from '@sauda/contracts';
import { openDataRuntime, runService } from '@sauda/kit';
import { seedDemoAccounts } from './accounts/seed-demo-accounts.ts';
import { buildApp } from './app.ts';
import { readConfig, signingKeySource } from './config.ts';
import { onNotificationRequested } from './events/notification-requested.ts';
import { onProductCreated } from './events/product-created.ts';
import { createMailer } from './mail/mailer.ts';
import { loadSigningKeys } from './tokens/load-signing-keys.ts';

const config = readConfig();
const runtime = await openDataRuntime('users', config, new URL('../migrations', import.meta.url));
const keys = await loadSigningKeys(signingKeySource(config));
const app = await buildApp({ config, db: runtime.db, keys });
runtime.consumer('seller-shops').on(ProductCreated, onProductCreated);
const mailer = createMailer(config);
runtime.consumer('notifier', { batch: true }).on(NotificationRequested, onNotificationRequested(mailer));
runtime.attach(app);
if (config.DEMO_SEED) runtime.logger.info(await seedDemoAccounts(runtime.db), 'demo accounts seeded');
await runtime.start();
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [() => runtime.close(), () => mailer.close()],
});
