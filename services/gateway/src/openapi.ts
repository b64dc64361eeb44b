/** The gateway's own OpenAPI document (its routes only; the merged one is built from every service's). */
import { createJwksVerifier } from '@sauda/kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

export { mergeOpenApi } from './docs/merge-openapi.ts';

/** Builds the app without listening and returns the document of its own routes. */
export async function describeApi(): Promise<Record<string, unknown>> {
  const verifier = createJwksVerifier({
    issuer: 'sauda-users',
    audience: 'sauda',
    fetchKeys: () => Promise.resolve({ keys: [] }),
  });
  const { app, close } = await buildApp({
    config: readConfig({ LOG_LEVEL: 'silent' }),
    upstreams: {},
    verifier,
  });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await close();
  verifier.close();
  return doc;
}
