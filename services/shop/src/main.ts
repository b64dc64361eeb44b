/** The shop process: config → data runtime → app → demo seed → listen. */
import { createUsersVerifier, openDataRuntime, runService } from '@sauda/kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { seedDemo } from './demo/seed-demo.ts';

const config = readConfig();
const runtime = await openDataRuntime('shop', config, new URL('../migrations', import.meta.url));
const verifier = createUsersVerifier(config);
const app = await buildApp({
  db: runtime.db,
  auth: verifier,
  logLevel: config.LOG_LEVEL,
  logFormat: config.LOG_FORMAT,
});
runtime.attach(app);
if (config.DEMO_SEED) runtime.logger.info({ created: await seedDemo(runtime.db) }, 'demo catalog seeded');
await runtime.start();
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [() => runtime.close(), () => verifier.close()],
});
