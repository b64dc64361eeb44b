import { createTestDatabase, type TestDatabase } from '@sauda/kit/testing';
import { createJwksVerifier, eventMigrations, migrate, type App } from '@sauda/kit';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { parseConfig } from '../config.ts';
import { MIGRATIONS, newRegistration, postJson } from '../test-app.ts';
import { generateSigningKey, loadSigningKeys } from './load-signing-keys.ts';

describe('signing key rotation', () => {
  let database: TestDatabase;
  const apps: App[] = [];
  let older: Awaited<ReturnType<typeof generateSigningKey>>;
  let newer: Awaited<ReturnType<typeof generateSigningKey>>;
  beforeAll(async () => {
    database = await createTestDatabase('usersrotation');
    await migrate(database.sql, MIGRATIONS, eventMigrations);
    [older, newer] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.drop();
  });

  /** The service as deployed with JWT_PRIVATE_KEYS holding these keys (the last one signs). */
  const deploy = async (keys: object[]) => {
    const json = JSON.stringify({ keys });
    const config = parseConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', JWT_PRIVATE_KEYS: json });
    const app = await buildApp({
      config,
      db: database.sql,
      keys: await loadSigningKeys({ kind: 'json', json }),
    });
    apps.push(app);
    return app;
  };

  it('keeps tokens of the old key valid during the overlap, signs new ones with the new key, and drops the old key after', async () => {
    const before = await deploy([older]);
    const { accessToken, refreshToken } = (await postJson(before, '/auth/register', newRegistration())).json<{
      accessToken: string;
      refreshToken: string;
    }>();

    // Overlap: both keys published, the new one signs; the old token still opens /me here and elsewhere.
    const overlap = await deploy([older, newer]);
    const me = await overlap.inject({ url: '/me', headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.statusCode).toBe(200);
    const jwks = (await overlap.inject({ url: '/.well-known/jwks.json' })).json<{
      keys: Array<{ kid: string }>;
    }>();
    expect(jwks.keys.map((k) => k.kid)).toEqual([older.kid, newer.kid]);
    const elsewhere = createJwksVerifier({
      fetchKeys: () => Promise.resolve(jwks),
      issuer: 'sauda-users',
      audience: 'sauda',
    });
    await expect(elsewhere.verify(accessToken)).resolves.toMatchObject({ roles: ['customer'] });
    elsewhere.close();
    const refreshed = (await postJson(overlap, '/auth/refresh', { refreshToken })).json<{
      accessToken: string;
    }>();
    expect(decodeProtectedHeader(refreshed.accessToken).kid).toBe(newer.kid);

    // After the overlap the old key is gone: its tokens stop working, the new ones keep working.
    const after = await deploy([newer]);
    const old = await after.inject({ url: '/me', headers: { authorization: `Bearer ${accessToken}` } });
    expect(old.statusCode).toBe(401);
    const fresh = await after.inject({
      url: '/me',
      headers: { authorization: `Bearer ${refreshed.accessToken}` },
    });
    expect(fresh.statusCode).toBe(200);
  });
});
