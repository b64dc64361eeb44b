import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, newRegistration, postJson, startTestUsers, type TestUsers } from '../test-app.ts';
import { base32Decode, totp } from './totp.ts';

describe('two-factor sign-in', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  const codeAt = (secret: string, offsetSeconds = 0) =>
    totp(base32Decode(secret), new Date(Date.now() + offsetSeconds * 1000));

  /** A registered account with two-factor turned on. */
  const withTwoFactor = async () => {
    const body = newRegistration();
    const { accessToken } = (await postJson(users.app, '/auth/register', body)).json<{
      accessToken: string;
    }>();
    const setup = await callAs(users.app, accessToken, 'POST', '/me/two-factor/setup');
    const { secret, otpauthUrl } = setup.json<{ secret: string; otpauthUrl: string }>();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    const enabled = await callAs(users.app, accessToken, 'POST', '/me/two-factor/enable', {
      code: codeAt(secret, -30),
    });
    expect(enabled.statusCode).toBe(200);
    const { recoveryCodes } = enabled.json<{ recoveryCodes: string[] }>();
    return { body, accessToken, secret, recoveryCodes };
  };
  const passwordStep = async (email: string, password: string) => {
    const response = await postJson(users.app, '/auth/login', { email, password });
    expect(response.statusCode).toBe(200);
    return response.json<{ twoFactorRequired?: true; challengeToken: string; accessToken?: string }>();
  };
  const secondStep = (challengeToken: string, proof: { code?: string; recoveryCode?: string }) =>
    postJson(users.app, '/auth/login/two-factor', { challengeToken, ...proof });

  it('refuses to turn on with a wrong first code', async () => {
    const { accessToken } = (await postJson(users.app, '/auth/register', newRegistration())).json<{
      accessToken: string;
    }>();
    await callAs(users.app, accessToken, 'POST', '/me/two-factor/setup');
    const wrong = await callAs(users.app, accessToken, 'POST', '/me/two-factor/enable', { code: '000000' });
    expect(wrong.json()).toMatchObject({ code: 'INVALID_TWO_FACTOR_CODE' });
  });

  it('asks for a code after the password, and signs in with it once', async () => {
    const { body, secret, recoveryCodes } = await withTwoFactor();
    expect(recoveryCodes).toHaveLength(10);
    const challenge = await passwordStep(body.email, body.password);
    expect(challenge.twoFactorRequired).toBe(true);
    expect(Object.keys(challenge).sort()).toEqual(['challengeToken', 'twoFactorRequired']);
    const code = codeAt(secret);
    const signedIn = await secondStep(challenge.challengeToken, { code });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ user: { twoFactorEnabled: true } });
    // The same challenge, and the same code with a new challenge, are both spent.
    expect((await secondStep(challenge.challengeToken, { code })).json()).toMatchObject({
      code: 'INVALID_CHALLENGE',
    });
    const next = await passwordStep(body.email, body.password);
    expect((await secondStep(next.challengeToken, { code })).json()).toMatchObject({
      code: 'INVALID_TWO_FACTOR_CODE',
    });
  });

  it('signs in with a recovery code, each one once', async () => {
    const { body, recoveryCodes } = await withTwoFactor();
    const [recoveryCode = ''] = recoveryCodes;
    const first = await passwordStep(body.email, body.password);
    expect(
      (await secondStep(first.challengeToken, { recoveryCode: recoveryCode.toUpperCase() })).statusCode,
    ).toBe(200);
    const second = await passwordStep(body.email, body.password);
    expect((await secondStep(second.challengeToken, { recoveryCode })).json()).toMatchObject({
      code: 'INVALID_TWO_FACTOR_CODE',
    });
  });

  it('uses up a challenge after 5 wrong codes', async () => {
    const { body, secret } = await withTwoFactor();
    const { challengeToken } = await passwordStep(body.email, body.password);
    for (let i = 0; i < 5; i += 1) {
      expect((await secondStep(challengeToken, { code: '000000' })).json()).toMatchObject({
        code: 'INVALID_TWO_FACTOR_CODE',
      });
    }
    expect((await secondStep(challengeToken, { code: codeAt(secret) })).json()).toMatchObject({
      code: 'INVALID_CHALLENGE',
    });
  });

  it('expires a challenge after 5 minutes', async () => {
    const { body, secret } = await withTwoFactor();
    const { challengeToken } = await passwordStep(body.email, body.password);
    users.advance(301_000);
    try {
      expect((await secondStep(challengeToken, { code: codeAt(secret, 301) })).json()).toMatchObject({
        code: 'INVALID_CHALLENGE',
      });
    } finally {
      users.advance(-301_000);
    }
  });

  it('turns off with the password only', async () => {
    const { body, accessToken } = await withTwoFactor();
    const wrong = await callAs(users.app, accessToken, 'POST', '/me/two-factor/disable', {
      password: 'wrong-Pass-1',
    });
    expect(wrong.json()).toMatchObject({ code: 'WRONG_PASSWORD' });
    const off = await callAs(users.app, accessToken, 'POST', '/me/two-factor/disable', {
      password: body.password,
    });
    expect(off.statusCode).toBe(204);
    expect(typeof (await passwordStep(body.email, body.password)).accessToken).toBe('string');
  });
});
