/** The gateway process: config → tracing → verifier → app → listen. */
import { createUsersVerifier, initServiceTracing, runService } from '@sauda/kit';
import { buildApp } from './app.ts';
import { readConfig, upstreams } from './config.ts';

const config = readConfig();
initServiceTracing('gateway', config);
const verifier = createUsersVerifier(config);
const { app, close } = await buildApp({ config, upstreams: upstreams(config), verifier });
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [() => verifier.close(), close],
});
