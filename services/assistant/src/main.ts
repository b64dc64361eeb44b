/** The assistant process: config → data runtime → NLU → index → app → index events → listen. */
import { createUsersVerifier, openDataRuntime, runService } from '@sauda/kit';
import { buildApp } from './app.ts';
import { startCatalogLoad } from './catalog/start-catalog.ts';
import { readConfig } from './config.ts';
import { createContext } from './create-context.ts';
import { indexHandlers } from './events/subscribe.ts';
import { closeClients } from './tools/clients.ts';

const config = readConfig();
const runtime = await openDataRuntime('assistant', config, new URL('../migrations', import.meta.url));
const verifier = createUsersVerifier(config);
const ctx = createContext(runtime.db, config, new URL('../data/', import.meta.url));
runtime.logger.info(
  { intents: ctx.nlu.model.labels.length, features: ctx.nlu.model.featureCount },
  'intent model trained',
);
const app = await buildApp({ ctx, auth: verifier, logLevel: config.LOG_LEVEL, logFormat: config.LOG_FORMAT });
indexHandlers(runtime.consumer(`index-${config.REPLICA_ID}`), ctx);
runtime.attach(app);
const catalog = startCatalogLoad(ctx, runtime.logger);
await runtime.start();
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [
    () => catalog.stop(),
    () => runtime.close(),
    () => verifier.close(),
    () => closeClients(ctx.clients),
  ],
});
