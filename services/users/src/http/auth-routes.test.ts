import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRegistration, postJson, startTestUsers, type TestUsers } from '../test-app.ts';

interface AuthAnswer {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; roles: string[] };
}

describe('auth routes', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  const register = async (overrides: Record<string, unknown> = {}) => {
    const body = newRegistration(overrides);
    const response = await postJson(users.app, '/auth/register', body);
    expect(response.statusCode).toBe(201);
    return { body, answer: response.json<AuthAnswer>() };
  };
  const refresh = (refreshToken: string) => postJson(users.app, '/auth/refresh', { refreshToken });

  it('registers a customer and answers tokens and the user, never the password hash', async () => {
    const body = newRegistration({ email: 'Mixed.Case@Example.KZ', phone: '+77011234567', locale: 'kk' });
    const response = await postJson(users.app, '/auth/register', body);
    expect(response.statusCode).toBe(201);
    const answer = response.json<AuthAnswer & { user: Record<string, unknown> }>();
    const { id, createdAt, ...user } = answer.user;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.parse(String(createdAt))).not.toBeNaN();
    expect(user).toEqual({
      email: 'mixed.case@example.kz',
      name: body.name,
      phone: '+77011234567',
      roles: ['customer'],
      locale: 'kk',
      currency: 'KZT',
      emailVerified: false,
      twoFactorEnabled: false,
      depotId: null,
      sortingCentreId: null,
    });
    expect(response.body).not.toMatch(/argon2|passwordHash/);
    expect(answer.refreshToken).toMatch(/^[\w-]{43}$/);
  });

  it('issues ES256 access tokens for 15 minutes with sub, roles, email, name, sid, issuer, audience and kid', async () => {
    const { body, answer } = await register();
    expect(decodeProtectedHeader(answer.accessToken)).toMatchObject({
      alg: 'ES256',
      kid: users.keys.current.kid,
    });
    const claims = decodeJwt(answer.accessToken);
    expect(claims).toMatchObject({
      sub: answer.user.id,
      roles: ['customer'],
      email: answer.user.email,
      name: body.name,
      iss: 'sauda-users',
      aud: 'sauda',
    });
    expect(claims.sid).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(15 * 60);
  });

  it('refuses fields it does not know, so nobody registers as admin', async () => {
    const response = await postJson(users.app, '/auth/register', newRegistration({ roles: ['admin'] }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body/roles' }] });
  });

  it('answers EMAIL_TAKEN when the address is registered again in another case', async () => {
    const { body } = await register();
    const again = await postJson(users.app, '/auth/register', { ...body, email: body.email.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'EMAIL_TAKEN' });
  });

  it('walks register → login → refresh (rotates) → reuse of the old token ends the family → logout', async () => {
    const { body } = await register();
    const login = await postJson(users.app, '/auth/login', { email: body.email, password: body.password });
    expect(login.statusCode).toBe(200);
    const first = login.json<AuthAnswer>();

    const rotated = await refresh(first.refreshToken);
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json<AuthAnswer>();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(decodeJwt(second.accessToken).sid).toBe(decodeJwt(first.accessToken).sid);
    expect(second.user.email).toBe(body.email);

    const reused = await refresh(first.refreshToken);
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'REFRESH_TOKEN_REUSED' });
    // The thief may hold the newer token: it stops working too.
    const newer = await refresh(second.refreshToken);
    expect(newer.statusCode).toBe(401);
    expect(newer.json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });

    // Another sign-in is another family, untouched by the revocation above; logout ends it.
    const other = (
      await postJson(users.app, '/auth/login', { email: body.email, password: body.password })
    ).json<AuthAnswer>();
    const loggedOut = await postJson(users.app, '/auth/logout', { refreshToken: other.refreshToken });
    expect(loggedOut.statusCode).toBe(204);
    expect((await refresh(other.refreshToken)).json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
  });

  it('logs out silently with an unknown or already-ended token', async () => {
    for (let i = 0; i < 2; i += 1) {
      const response = await postJson(users.app, '/auth/logout', { refreshToken: 'never-issued-token' });
      expect(response.statusCode).toBe(204);
    }
  });

  it('gives a new pair to exactly one of two concurrent refreshes with the same token', async () => {
    const { answer } = await register();
    const results = await Promise.all([refresh(answer.refreshToken), refresh(answer.refreshToken)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('refuses an unknown refresh token and one past its lifetime with INVALID_REFRESH_TOKEN', async () => {
    expect((await refresh('x'.repeat(43))).json()).toMatchObject({ code: 'INVALID_REFRESH_TOKEN' });
    const { answer } = await register();
    users.advance(31 * 24 * 60 * 60 * 1000);
    try {
      expect((await refresh(answer.refreshToken)).json()).toMatchObject({
        status: 401,
        code: 'INVALID_REFRESH_TOKEN',
      });
    } finally {
      users.advance(-31 * 24 * 60 * 60 * 1000);
    }
  });

  it('stores only the SHA-256 of refresh tokens', async () => {
    const { answer } = await register();
    const rows = await users.database.sql<{ token_hash: string }[]>`select token_hash from refresh_tokens`;
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(answer.refreshToken);
  });

  it('answers GET /me with the caller’s own account, and 401 without a token', async () => {
    const { answer } = await register();
    const me = await users.app.inject({
      url: '/me',
      headers: { authorization: `Bearer ${answer.accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(answer.user);
    const anonymous = await users.app.inject({ url: '/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('ends the sessions of a blocked account: refresh and /me answer ACCOUNT_BLOCKED', async () => {
    const { answer } = await register();
    await users.database.sql`update accounts set status = 'blocked' where id = ${answer.user.id}`;
    const refreshed = await refresh(answer.refreshToken);
    expect(refreshed.statusCode).toBe(403);
    expect(refreshed.json()).toMatchObject({ code: 'ACCOUNT_BLOCKED' });
    const me = await users.app.inject({
      url: '/me',
      headers: { authorization: `Bearer ${answer.accessToken}` },
    });
    expect(me.json()).toMatchObject({ code: 'ACCOUNT_BLOCKED' });
    const [session] = await users.database.sql<{ revoked_reason: string }[]>`
      select s.revoked_reason from sessions s where s.account_id = ${answer.user.id}`;
    expect(session?.revoked_reason).toBe('blocked');
  });
});
