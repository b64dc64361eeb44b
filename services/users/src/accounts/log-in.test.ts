import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRegistration, postJson, startTestUsers, type TestUsers } from '../test-app.ts';

const MINUTE = 60_000;

describe('logging in', () => {
  let users: TestUsers;
  let ipCounter = 0;
  beforeAll(async () => {
    users = await startTestUsers({ LOGIN_MAX_FAILURES_PER_IP: '8' }, { frozenClock: true });
  });
  afterAll(async () => users.close());

  /** Each test signs in from its own address so per-IP counting stays within the test. */
  const fromNewIp = () => {
    ipCounter += 1;
    const ip = `203.0.113.${ipCounter}`;
    return (email: string, password: string) =>
      postJson(users.app, '/auth/login', { email, password }, { 'x-forwarded-for': ip });
  };
  const registered = async () => {
    const body = newRegistration();
    expect((await postJson(users.app, '/auth/register', body)).statusCode).toBe(201);
    return body;
  };
  const comparable = (body: Record<string, unknown>) => {
    const { instance: _instance, traceId: _traceId, ...rest } = body;
    return rest;
  };

  it('signs in with the address in any case', async () => {
    const login = fromNewIp();
    const { email, password } = await registered();
    const response = await login(email.toUpperCase(), password);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { email } });
  });

  it('answers an unknown address and a wrong password with the same INVALID_CREDENTIALS', async () => {
    const login = fromNewIp();
    const { email } = await registered();
    const wrongPassword = await login(email, 'not-the-password-1');
    const unknownEmail = await login('nobody.here@example.kz', 'not-the-password-1');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(comparable(wrongPassword.json())).toEqual(comparable(unknownEmail.json()));
    expect(wrongPassword.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('tells a blocked account so only to whoever knows its password', async () => {
    const login = fromNewIp();
    const { email, password } = await registered();
    await users.database.sql`update accounts set status = 'blocked' where lower(email) = ${email}`;
    expect((await login(email, 'not-the-password-1')).json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    const right = await login(email, password);
    expect(right.statusCode).toBe(403);
    expect(right.json()).toMatchObject({ code: 'ACCOUNT_BLOCKED' });
  });

  it('locks an account after 5 failures in 15 minutes, even for the right password, and unlocks after the window', async () => {
    const login = fromNewIp();
    const { email, password } = await registered();
    for (let i = 0; i < 5; i += 1) {
      expect((await login(email, `wrong-password-${i}`)).json()).toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    }
    const locked = await login(email, password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 15 * 60 });
    expect(locked.headers['retry-after']).toBe(String(15 * 60));
    // Another address is not affected by this one's lock.
    const other = await registered();
    expect((await fromNewIp()(other.email, other.password)).statusCode).toBe(200);

    users.advance(15 * MINUTE);
    expect((await login(email, password)).statusCode).toBe(200);
  });

  it('slides the window: the lock lifts when the oldest counted failure is 15 minutes old', async () => {
    const login = fromNewIp();
    const { email, password } = await registered();
    for (let i = 0; i < 5; i += 1) {
      expect((await login(email, 'wrong-password-x')).statusCode).toBe(401);
      users.advance(MINUTE);
    }
    // Failures at minutes 0..4; now is minute 5: the first one leaves the window at minute 15.
    expect((await login(email, password)).json()).toMatchObject({ retryAfter: 10 * 60 });
    users.advance(10 * MINUTE);
    expect((await login(email, 'wrong-password-x')).statusCode).toBe(401);
    // That failure refilled the window: locked again until the minute-1 failure expires.
    expect((await login(email, password)).json()).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 60 });
    users.advance(MINUTE);
    expect((await login(email, password)).statusCode).toBe(200);
  });

  it('forgets an account’s failures once it signs in', async () => {
    const { email, password } = await registered();
    // Two rounds from two addresses, so only the account's count can lock.
    for (const login of [fromNewIp(), fromNewIp()]) {
      for (let i = 0; i < 4; i += 1) expect((await login(email, 'wrong-password-y')).statusCode).toBe(401);
      expect((await login(email, password)).statusCode).toBe(200);
    }
  });

  it('locks an IP that fails across many addresses, and only that IP', async () => {
    const login = fromNewIp();
    for (let i = 0; i < 8; i += 1) {
      expect((await login(`guess${i}@example.kz`, 'wrong-password-z')).statusCode).toBe(401);
    }
    const { email, password } = await registered();
    const locked = await login(email, password);
    expect(locked.statusCode).toBe(429);
    const problem = locked.json<{ code: string; retryAfter: number }>();
    expect(problem.code).toBe('RATE_LIMITED');
    expect(problem.retryAfter).toBeGreaterThan(0);
    expect((await fromNewIp()(email, password)).statusCode).toBe(200);
  });

  it('counts concurrent guesses exactly: of 10 at once on one account, at most 5 reach the password check', async () => {
    const login = fromNewIp();
    const { email } = await registered();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(email, `parallel-guess-${i}`)),
    );
    const codes = results.map((r) => r.json<{ code: string }>().code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
  });
});
