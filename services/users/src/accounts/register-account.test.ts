import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRegistration, postJson, startTestUsers, type TestUsers } from '../test-app.ts';

describe('registering an account', () => {
  let users: TestUsers;
  beforeAll(async () => {
    users = await startTestUsers();
  });
  afterAll(async () => users.close());

  const outboxFor = (email: string) =>
    users.database.sql<{ type: string; payload: Record<string, unknown> }[]>`
      select type, payload from outbox where payload->>'email' = ${email}`;

  it('announces users.user.registered.v1 through the outbox in the same transaction', async () => {
    const body = newRegistration({ locale: 'ru' });
    const response = await postJson(users.app, '/auth/register', body);
    const { user } = response.json<{ user: { id: string; createdAt: string } }>();
    expect(await outboxFor(body.email)).toEqual([
      {
        type: 'users.user.registered.v1',
        payload: {
          userId: user.id,
          email: body.email,
          name: body.name,
          roles: ['customer'],
          locale: 'ru',
          registeredAt: user.createdAt,
        },
      },
    ]);
  });

  it('announces nothing when the address is taken', async () => {
    const body = newRegistration();
    await postJson(users.app, '/auth/register', body);
    const again = await postJson(users.app, '/auth/register', { ...body, name: 'Someone Else' });
    expect(again.json()).toMatchObject({ code: 'EMAIL_TAKEN' });
    expect(await outboxFor(body.email)).toHaveLength(1);
  });

  it.each([
    ['short1!', 'too_short'],
    ['onlylowercaseletters', 'one_character_class'],
  ])('refuses the weak password %s with WEAK_PASSWORD and reason %s', async (password, reason) => {
    const body = newRegistration({ password });
    const response = await postJson(users.app, '/auth/register', body);
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ code: string; reason: string; detail?: string }>();
    expect(problem).toMatchObject({ code: 'WEAK_PASSWORD', reason });
    expect(problem.detail).toBeTruthy();
    const [row] = await users.database.sql<{ n: number }[]>`
      select count(*)::int as n from accounts where email = ${body.email}`;
    expect(row?.n).toBe(0);
  });

  it('refuses the email address itself as the password', async () => {
    const body = newRegistration();
    const response = await postJson(users.app, '/auth/register', { ...body, password: body.email });
    expect(response.json()).toMatchObject({ code: 'WEAK_PASSWORD', reason: 'matches_email' });
  });

  it('keeps passwords as argon2id hashes with OWASP parameters', async () => {
    const body = newRegistration();
    await postJson(users.app, '/auth/register', body);
    const [row] = await users.database.sql<{ password_hash: string }[]>`
      select password_hash from accounts where email = ${body.email}`;
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.password_hash).not.toContain(body.password);
  });

  it('refuses a malformed phone, locale or currency', async () => {
    for (const overrides of [{ phone: '8 701 123' }, { locale: 'de' }, { currency: 'GBP' }]) {
      const response = await postJson(users.app, '/auth/register', newRegistration(overrides));
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
