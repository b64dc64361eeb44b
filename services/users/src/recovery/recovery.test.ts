import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAs,
  mailedToken,
  newRegistration,
  postJson,
  startTestUsers,
  type TestUsers,
} from '../test-app.ts';

describe('password reset and email verification', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  const registered = async () => {
    const body = newRegistration();
    const answer = (await postJson(users.app, '/auth/register', body)).json<{
      accessToken: string;
      refreshToken: string;
      user: { id: string; emailVerified: boolean };
    }>();
    return { body, answer };
  };
  const resetMails = async (to: string) => {
    const [row] = await users.database.sql<{ n: number }[]>`
      select count(*)::int as n from outbox
      where type = 'users.notification.requested.v1' and payload->>'to' = ${to} and payload->>'template' = 'password_reset'`;
    return row?.n ?? 0;
  };
  const forgot = (email: string) => postJson(users.app, '/auth/forgot-password', { email });
  const reset = (token: string, password: string) =>
    postJson(users.app, '/auth/reset-password', { token, password });

  it('answers 202 alike for a known and an unknown address, mailing only the known one', async () => {
    const { body } = await registered();
    const known = await forgot(body.email);
    const unknown = await forgot('nobody.at.all@example.kz');
    expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
    expect(known.body).toBe(unknown.body);
    expect(await resetMails(body.email)).toBe(1);
    expect(await resetMails('nobody.at.all@example.kz')).toBe(0);
  });

  it('resets once: the link sets the password, ends every session, and never works again', async () => {
    const { body, answer } = await registered();
    await forgot(body.email);
    const token = await mailedToken(users, body.email, 'password_reset');
    expect((await reset(token, 'brand-New-pass-7')).statusCode).toBe(204);
    const again = await reset(token, 'another-Pass-8');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'INVALID_TOKEN' });
    expect(
      (await postJson(users.app, '/auth/refresh', { refreshToken: answer.refreshToken })).statusCode,
    ).toBe(401);
    const login = (password: string) => postJson(users.app, '/auth/login', { email: body.email, password });
    expect((await login(body.password)).statusCode).toBe(401);
    expect((await login('brand-New-pass-7')).statusCode).toBe(200);
  });

  it('refuses a reset link after its hour', async () => {
    const { body } = await registered();
    await forgot(body.email);
    const token = await mailedToken(users, body.email, 'password_reset');
    users.advance(61 * 60_000);
    try {
      expect((await reset(token, 'brand-New-pass-7')).json()).toMatchObject({ code: 'INVALID_TOKEN' });
    } finally {
      users.advance(-61 * 60_000);
    }
  });

  it('keeps the link usable when the new password is too weak', async () => {
    const { body } = await registered();
    await forgot(body.email);
    const token = await mailedToken(users, body.email, 'password_reset');
    expect((await reset(token, 'short')).json()).toMatchObject({ code: 'WEAK_PASSWORD' });
    expect((await reset(token, 'brand-New-pass-7')).statusCode).toBe(204);
  });

  it('voids an older link when a newer one is sent, and sends at most 3 an hour', async () => {
    const { body } = await registered();
    await forgot(body.email);
    const first = await mailedToken(users, body.email, 'password_reset');
    for (let i = 0; i < 4; i += 1) expect((await forgot(body.email)).statusCode).toBe(202);
    expect(await resetMails(body.email)).toBe(3);
    expect((await reset(first, 'brand-New-pass-7')).json()).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  it('verifies the email with the link mailed at registration, once', async () => {
    const { body, answer } = await registered();
    expect(answer.user.emailVerified).toBe(false);
    const token = await mailedToken(users, body.email, 'email_verification');
    expect((await postJson(users.app, '/auth/verify-email', { token })).statusCode).toBe(204);
    expect((await postJson(users.app, '/auth/verify-email', { token })).json()).toMatchObject({
      code: 'INVALID_TOKEN',
    });
    const me = await callAs(users.app, answer.accessToken, 'GET', '/me');
    expect(me.json()).toMatchObject({ emailVerified: true });
    const resend = await callAs(users.app, answer.accessToken, 'POST', '/me/email-verification');
    expect(resend.json()).toMatchObject({ code: 'EMAIL_ALREADY_VERIFIED' });
  });

  it('mails a fresh verification link on request, and the old one stops working', async () => {
    const { body, answer } = await registered();
    const old = await mailedToken(users, body.email, 'email_verification');
    expect((await callAs(users.app, answer.accessToken, 'POST', '/me/email-verification')).statusCode).toBe(
      202,
    );
    const fresh = await mailedToken(users, body.email, 'email_verification');
    expect(fresh).not.toBe(old);
    expect((await postJson(users.app, '/auth/verify-email', { token: old })).statusCode).toBe(400);
    expect((await postJson(users.app, '/auth/verify-email', { token: fresh })).statusCode).toBe(204);
  });

  it('stores only hashes of the mailed tokens', async () => {
    const { body } = await registered();
    const token = await mailedToken(users, body.email, 'email_verification');
    const rows = await users.database.sql`select * from one_time_tokens`;
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});
