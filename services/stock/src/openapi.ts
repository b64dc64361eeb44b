/** The stock OpenAPI document, from an app built on inert dependencies (no connection is opened). */
import { createDb, createJwksVerifier } from '@sauda/kit';
import { buildApp } from './app.ts';

/** Builds the app without listening or connecting and returns its OpenAPI document. */
export async function describeApi(): Promise<Record<string, unknown>> {
  const db = createDb('postgres://127.0.0.1:1/none', { max: 1 });
  const auth = createJwksVerifier({
    issuer: 'sauda-users',
    audience: 'sauda',
    fetchKeys: () => Promise.resolve({ keys: [] }),
  });
  const app = await buildApp({ db, auth, logLevel: 'silent' });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  auth.close();
  await db.end();
  return doc;
}
