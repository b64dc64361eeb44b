import { createJwksVerifier } from '@sauda/kit';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.ts';
import { DEMO_IDS } from '@sauda/contracts';
import { callAs, postJson, startTestUsers, tokenFor, type TestUsers } from '../test-app.ts';

describe('service tokens', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers({
      SERVICE_CLIENT_SECRETS: 'orders:orders-secret-0123456789,payment:p-secret-0123456789',
    });
  });
  afterAll(async () => users.close());

  it('issues a short-lived token with sub=<client> and the service role, verifiable by every service', async () => {
    const response = await postJson(users.app, '/auth/service-token', {
      clientId: 'orders',
      clientSecret: 'orders-secret-0123456789',
    });
    expect(response.statusCode).toBe(200);
    const { accessToken, expiresIn } = response.json<{ accessToken: string; expiresIn: number }>();
    expect(expiresIn).toBe(300);
    const claims = decodeJwt(accessToken);
    expect(claims).toMatchObject({ sub: 'orders', roles: ['service'] });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
    const verifier = createJwksVerifier({
      fetchKeys: () => Promise.resolve(users.keys.jwks),
      issuer: 'sauda-users',
      audience: 'sauda',
    });
    await expect(verifier.verify(accessToken)).resolves.toMatchObject({ id: 'orders', roles: ['service'] });
    verifier.close();
  });

  it('refuses an unknown client and a wrong secret alike with INVALID_CLIENT', async () => {
    for (const body of [
      { clientId: 'orders', clientSecret: 'payment-secret-0123456789' },
      { clientId: 'nobody', clientSecret: 'orders-secret-0123456789' },
    ]) {
      const response = await postJson(users.app, '/auth/service-token', body);
      expect(response.statusCode).toBe(401);
      expect(response.json<{ code: string }>().code).toBe('INVALID_CLIENT');
    }
  });

  it('needs configured secrets outside embedded mode; embedded mode has per-client defaults', () => {
    const base = { DATABASE_URL: 'postgres://x/y', JWT_PRIVATE_KEYS: '{"keys":[]}' };
    expect(() => parseConfig({ ...base, SAUDA_MODE: 'cluster' })).toThrow(/SERVICE_CLIENT_SECRETS/);
    expect(() => parseConfig({ ...base, SERVICE_CLIENT_SECRETS: 'orders:short' })).toThrow(/16 characters/);
    expect(parseConfig({ ...base, SAUDA_MODE: 'embedded' }).SERVICE_CLIENT_SECRETS).toBeUndefined();
  });

  it('an admin cannot give a person the service role', async () => {
    const admin = await tokenFor(users, { id: DEMO_IDS.admin, roles: ['admin'] });
    const response = await callAs(users.app, admin, 'PUT', `/admin/users/${DEMO_IDS.customer}/roles`, {
      roles: ['customer', 'service'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe('VALIDATION_FAILED');
  });
});
