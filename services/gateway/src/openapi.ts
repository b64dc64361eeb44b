/** The gateway's own OpenAPI document (its routes only; the merged one is built from every service's). */
import { createJwksVerifier } from '@sauda/kit';
import { buildApp } from './app.ts';

export { mergeOpenApi } from './docs/merge-openapi.ts';

/** Builds the app without listening and returns the document of its own routes. */
export async function describeApi(): Promise<Record<string, unknown>> {
  const verifier = createJwksVerifier({
    issuer: 'sauda-users',
    audience: 'sauda',
    fetchKeys: () => Promise.resolve({ keys: [] }),
  });
  const { app, close } = await buildApp({
    config: {
      LOG_LEVEL: 'silent',
      LOG_FORMAT: 'json',
      CORS_ORIGINS: '',
      HSTS: false,
      RATE_LIMIT_PER_MINUTE: 1,
      AUTH_RATE_LIMIT_PER_MINUTE: 1,
      UPSTREAM_TIMEOUT_MS: 1000,
    },
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
