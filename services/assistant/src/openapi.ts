/** The assistant OpenAPI document, from an app built on inert dependencies (no connection is opened). */
import { describeApiOf } from '@sauda/kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { createContext } from './create-context.ts';
import { DATA_DIR } from './nlu/train.ts';
import { closeClients } from './tools/clients.ts';

/** Builds the app without listening or connecting and returns its OpenAPI document. */
export const describeApi = (): Promise<Record<string, unknown>> =>
  describeApiOf(async ({ db, auth }) => {
    const ctx = createContext(
      db,
      readConfig({ DATABASE_URL: 'postgres://127.0.0.1:1/none', REPLICA_ID: 'openapi' }),
      DATA_DIR,
    );
    const app = await buildApp({ ctx, auth, logLevel: 'silent' });
    app.addHook('onClose', () => closeClients(ctx.clients));
    return app;
  });
