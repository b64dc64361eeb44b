import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callAs, newRegistration, postJson, startTestUsers, type TestUsers } from '../test-app.ts';

/** A stand-in for payment's token metadata endpoint: tokens belong to whoever's bearer minted them. */
async function startPayment(): Promise<{
  server: FastifyInstance;
  url: string;
  mint(bearer: string, card?: object): string;
  bearers: string[];
}> {
  const tokens = new Map<string, { bearer: string; card: object }>();
  const bearers: string[] = [];
  const server = Fastify();
  server.get<{ Params: { token: string } }>('/payment/tokens/:token', async (request, reply) => {
    const bearer = request.headers.authorization ?? '';
    bearers.push(bearer);
    const known = tokens.get(request.params.token);
    if (!known || known.bearer !== bearer) return reply.status(404).send({ code: 'TOKEN_NOT_FOUND' });
    return { token: request.params.token, ...known.card, createdAt: new Date().toISOString() };
  });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  let counter = 0;
  return {
    server,
    url,
    bearers,
    mint(bearer, card = { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2099 }) {
      counter += 1;
      const token = `tok_test_${counter}_${Date.now()}`;
      tokens.set(token, { bearer: `Bearer ${bearer}`, card });
      return token;
    },
  };
}

describe('saved cards', () => {
  let users: TestUsers;
  let payment: Awaited<ReturnType<typeof startPayment>>;
  beforeAll(async () => {
    payment = await startPayment();
    users = await startTestUsers({ PAYMENT_URL: payment.url });
  });
  afterAll(async () => {
    await users.close();
    await payment.server.close();
  });

  const newAccount = async () =>
    (await postJson(users.app, '/auth/register', newRegistration())).json<{ accessToken: string }>()
      .accessToken;
  const save = (token: string, cardToken: string) =>
    callAs(users.app, token, 'POST', '/me/payment-methods', { token: cardToken });

  it('saves what payment says about the token, with the customer’s own bearer; the first is the default', async () => {
    const bearer = await newAccount();
    const cardToken = payment.mint(bearer);
    const saved = await save(bearer, cardToken);
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({
      token: cardToken,
      brand: 'visa',
      last4: '4242',
      expMonth: 12,
      expYear: 2099,
      isDefault: true,
    });
    expect(payment.bearers.at(-1)).toBe(`Bearer ${bearer}`);
    // Saving again answers the same card (safe to retry), not a second one.
    expect((await save(bearer, cardToken)).json()).toMatchObject({ id: saved.json<{ id: string }>().id });
    expect((await callAs(users.app, bearer, 'GET', '/me/payment-methods')).json()).toHaveLength(1);
  });

  it('refuses a token payment does not know or that is another customer’s', async () => {
    const bearer = await newAccount();
    const other = await newAccount();
    expect((await save(bearer, 'tok_made_up')).json()).toMatchObject({ code: 'PAYMENT_TOKEN_INVALID' });
    expect((await save(other, payment.mint(bearer))).json()).toMatchObject({ code: 'PAYMENT_TOKEN_INVALID' });
  });

  it('refuses an expired card', async () => {
    const bearer = await newAccount();
    const expired = payment.mint(bearer, { brand: 'mastercard', last4: '4444', expMonth: 1, expYear: 2020 });
    expect((await save(bearer, expired)).json()).toMatchObject({ code: 'CARD_EXPIRED' });
  });

  it('moves the default flag and forgets a card; others cannot touch it', async () => {
    const bearer = await newAccount();
    const stranger = await newAccount();
    const first = (await save(bearer, payment.mint(bearer))).json<{ id: string }>();
    const second = (
      await save(
        bearer,
        payment.mint(bearer, { brand: 'mastercard', last4: '5454', expMonth: 3, expYear: 2098 }),
      )
    ).json<{ id: string }>();
    expect(
      (await callAs(users.app, stranger, 'DELETE', `/me/payment-methods/${first.id}`)).json(),
    ).toMatchObject({
      code: 'PAYMENT_METHOD_NOT_FOUND',
    });
    expect(
      (await callAs(users.app, bearer, 'POST', `/me/payment-methods/${second.id}/default`)).statusCode,
    ).toBe(204);
    const listed = (await callAs(users.app, bearer, 'GET', '/me/payment-methods')).json<
      Array<{ id: string; isDefault: boolean }>
    >();
    expect(listed.map((m) => [m.id, m.isDefault])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    expect((await callAs(users.app, bearer, 'DELETE', `/me/payment-methods/${second.id}`)).statusCode).toBe(
      204,
    );
    expect((await callAs(users.app, bearer, 'GET', '/me/payment-methods')).json()).toEqual([
      expect.objectContaining({ id: first.id, isDefault: true }),
    ]);
  });

  it('answers UPSTREAM_UNAVAILABLE when payment is down, saving nothing', async () => {
    const down = await startTestUsers({ PAYMENT_URL: 'http://127.0.0.1:1' });
    try {
      const bearer = (await postJson(down.app, '/auth/register', newRegistration())).json<{
        accessToken: string;
      }>().accessToken;
      const response = await callAs(down.app, bearer, 'POST', '/me/payment-methods', { token: 'tok_x' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    } finally {
      await down.close();
    }
  });
});
