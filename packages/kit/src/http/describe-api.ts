/** A service's OpenAPI document without a running system: the app is built on inert dependencies. */
import { createJwksVerifier, type TokenVerifier } from '../auth/verifier.ts';
import { createDb, type Db } from '../db/db.ts';
import type { App } from './service.ts';

/** Dependencies that open nothing: a pool that is never queried and a verifier with no keys. */
export interface InertDependencies {
  db: Db;
  auth: TokenVerifier;
}

/** Builds the app with `build`, reads its OpenAPI document, and closes everything again. */
export async function describeApiOf(
  build: (inert: InertDependencies) => Promise<App>,
): Promise<Record<string, unknown>> {
  // Port 1 on loopback: a query would fail at once, but building the app never queries.
  const db = createDb('postgres://127.0.0.1:1/none', { max: 1 });
  const auth = createJwksVerifier({
    issuer: 'sauda-users',
    audience: 'sauda',
    fetchKeys: () => Promise.resolve({ keys: [] }),
  });
  try {
    const app = await build({ db, auth });
    await app.ready();
    const doc = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return doc;
  } finally {
    auth.close();
    await db.end();
  }
}
