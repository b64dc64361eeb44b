/** The gateway's own OpenAPI document (its routes only; the merged one is built from every service's). */
import { describeApiOf } from '@sauda/kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

export { mergeOpenApi } from './docs/merge-openapi.ts';

/** Builds the app without listening and returns the document of its own routes. */
export const describeApi = (): Promise<Record<string, unknown>> =>
  describeApiOf(async ({ auth }) => {
    const { app, close } = await buildApp({
      config: readConfig({ LOG_LEVEL: 'silent' }),
      upstreams: {},
      verifier: auth,
    });
    app.addHook('onClose', close);
    return app;
  });
