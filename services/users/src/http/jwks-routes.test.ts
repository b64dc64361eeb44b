import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJwksVerifier } from '@sauda/kit';
import { newRegistration, postJson, startTestUsers, type TestUsers } from '../test-app.ts';

describe('GET /.well-known/jwks.json', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  it('publishes the keys other services verify issued access tokens with', async () => {
    const registered = await postJson(users.app, '/auth/register', newRegistration());
    const { accessToken, user } = registered.json<{
      accessToken: string;
      user: { id: string; email: string };
    }>();

    const response = await users.app.inject({ url: '/.well-known/jwks.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('max-age');
    const jwks = response.json<JSONWebKeySet>();
    expect(jwks.keys).toEqual([
      expect.objectContaining({ kid: users.keys.current.kid, alg: 'ES256', use: 'sig' }),
    ]);
    expect(response.body).not.toContain('"d"');

    // Exactly what another service does: the kit's verifier fed from this endpoint.
    const verifier = createJwksVerifier({
      fetchKeys: () => Promise.resolve(jwks),
      issuer: 'sauda-users',
      audience: 'sauda',
    });
    try {
      const principal = await verifier.verify(accessToken);
      expect(principal).toMatchObject({ id: user.id, roles: ['customer'], email: user.email });
      expect(principal.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      verifier.close();
    }
  });

  it('refuses a token with a forged signature on /me', async () => {
    const registered = await postJson(users.app, '/auth/register', newRegistration());
    const { accessToken } = registered.json<{ accessToken: string }>();
    const [header = '', payload = ''] = accessToken.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    const response = await users.app.inject({ url: '/me', headers: { authorization: `Bearer ${forged}` } });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('GET /.well-known/revoked-sessions.json', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  it('lists a session ended by logout, so a verifier polling it refuses the still-unexpired token', async () => {
    const registered = await postJson(users.app, '/auth/register', newRegistration());
    const { accessToken, refreshToken } = registered.json<{ accessToken: string; refreshToken: string }>();
    const jwks = (await users.app.inject({ url: '/.well-known/jwks.json' })).json<JSONWebKeySet>();
    const verifier = createJwksVerifier({
      fetchKeys: () => Promise.resolve(jwks),
      fetchRevokedSessions: async (since) =>
        (
          await users.app.inject({
            url: '/.well-known/revoked-sessions.json',
            query: since ? { since } : {},
          })
        ).json(),
      issuer: 'sauda-users',
      audience: 'sauda',
    });
    try {
      const { sessionId } = await verifier.verify(accessToken);
      expect((await postJson(users.app, '/auth/logout', { refreshToken })).statusCode).toBe(204);

      const listed = await users.app.inject({ url: '/.well-known/revoked-sessions.json' });
      expect(listed.statusCode).toBe(200);
      const list = listed.json<{ windowSeconds: number; sessions: { id: string }[] }>();
      expect(list.windowSeconds).toBeGreaterThan(0);
      expect(list.sessions.map((session) => session.id)).toContain(sessionId);
      await verifier.refreshRevocations();
      await expect(verifier.verify(accessToken)).rejects.toThrow('session has ended');
    } finally {
      verifier.close();
    }
  });

  it('answers a malformed since with a 400 problem', async () => {
    const response = await users.app.inject({ url: '/.well-known/revoked-sessions.json?since=yesterday' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});
