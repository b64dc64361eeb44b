import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, newRegistration, postJson, startTestUsers, type TestUsers } from '../test-app.ts';

describe('my sessions, profile and password', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  type Answer = { accessToken: string; refreshToken: string };
  const twoDevices = async () => {
    const body = newRegistration();
    const first = (
      await postJson(users.app, '/auth/register', body, { 'user-agent': 'Phone' })
    ).json<Answer>();
    const credentials = { email: body.email, password: body.password };
    const second = (
      await postJson(users.app, '/auth/login', credentials, { 'user-agent': 'Laptop' })
    ).json<Answer>();
    return { body, first, second };
  };
  const refresh = (refreshToken: string) => postJson(users.app, '/auth/refresh', { refreshToken });

  it('lists my signed-in devices, marks this one, and signs one out', async () => {
    const { first, second } = await twoDevices();
    const sessions = (await callAs(users.app, second.accessToken, 'GET', '/me/sessions')).json<
      Array<{ id: string; userAgent: string; current: boolean }>
    >();
    expect(sessions.map((s) => [s.userAgent, s.current])).toEqual([
      ['Laptop', true],
      ['Phone', false],
    ]);
    const phone = sessions.find((s) => s.userAgent === 'Phone');
    expect(
      (await callAs(users.app, second.accessToken, 'DELETE', `/me/sessions/${phone?.id}`)).statusCode,
    ).toBe(204);
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
  });

  it('signs out everywhere, this device included', async () => {
    const { first, second } = await twoDevices();
    const ended = await callAs(users.app, first.accessToken, 'POST', '/me/sessions/sign-out-everywhere');
    expect(ended.json()).toEqual({ ended: 2 });
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await refresh(second.refreshToken)).statusCode).toBe(401);
  });

  it('changes the password with the current one, keeping only this session', async () => {
    const { body, first, second } = await twoDevices();
    const wrong = await callAs(users.app, second.accessToken, 'POST', '/me/password', {
      currentPassword: 'not-it-at-all-1',
      newPassword: 'fresh-Password-9',
    });
    expect(wrong.json()).toMatchObject({ code: 'WRONG_PASSWORD' });
    const weak = await callAs(users.app, second.accessToken, 'POST', '/me/password', {
      currentPassword: body.password,
      newPassword: 'short',
    });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD' });
    const changed = await callAs(users.app, second.accessToken, 'POST', '/me/password', {
      currentPassword: body.password,
      newPassword: 'fresh-Password-9',
    });
    expect(changed.statusCode).toBe(204);
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
    expect(
      (await postJson(users.app, '/auth/login', { email: body.email, password: 'fresh-Password-9' }))
        .statusCode,
    ).toBe(200);
  });

  it('edits the profile field by field', async () => {
    const { first } = await twoDevices();
    const edited = await callAs(users.app, first.accessToken, 'PATCH', '/me', {
      name: '  Aliya  ',
      phone: '+77017654321',
      locale: 'ru',
    });
    expect(edited.json()).toMatchObject({
      name: 'Aliya',
      phone: '+77017654321',
      locale: 'ru',
      currency: 'KZT',
    });
    const cleared = await callAs(users.app, first.accessToken, 'PATCH', '/me', { phone: null });
    expect(cleared.json()).toMatchObject({ name: 'Aliya', phone: null, locale: 'ru' });
    const empty = await callAs(users.app, first.accessToken, 'PATCH', '/me', {});
    expect(empty.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
