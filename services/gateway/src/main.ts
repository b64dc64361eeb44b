/** The gateway process: config → verifier → app → listen. */
import { createUsersVerifier, runService } from '@sauda/kit';
import { buildApp } from './app.ts';
import { readConfig, upstreams } from './config.ts';

const config = readConfig();
const verifier = createUsersVerifier(config);
const { app, close } = await buildApp({ config, upstreams: upstreams(config), verifier });
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [() => verifier.close(), close],
});
