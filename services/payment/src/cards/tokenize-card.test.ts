import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentTestApp, type PaymentTestApp } from '../test/payment-test-app.ts';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await createPaymentTestApp();
});
afterAll(() => t.close());

const tokenise = async (card: object, customer = uuidv7()) =>
  t.app.inject({
    method: 'POST',
    url: '/payment/tokens',
    headers: await t.as('customer', customer),
    payload: { card },
  });

describe('card tokens', () => {
  it('returns a token with brand, last four and expiry, readable by its owner only', async () => {
    const owner = uuidv7();
    const created = await tokenise(
      { number: '2200 0000 0000 0004', expMonth: 3, expYear: 2030, cvc: '321' },
      owner,
    );
    expect(created.statusCode).toBe(201);
    const token = created.json<{ token: string }>();
    expect(token).toMatchObject({ brand: 'mir', last4: '0004', expMonth: 3, expYear: 2030 });
    const mine = await t.app.inject({
      method: 'GET',
      url: `/payment/tokens/${token.token}`,
      headers: await t.as('customer', owner),
    });
    expect(mine.json()).toEqual(created.json());
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/payment/tokens/${token.token}`,
      headers: await t.as('customer'),
    });
    expect(theirs.json()).toMatchObject({ code: 'CARD_TOKEN_NOT_FOUND' });
  });

  it.each([
    [{ number: '4242424242424241', expMonth: 1, expYear: 2030, cvc: '123' }, 'CARD_NUMBER_INVALID'],
    [{ number: '6011111111111117', expMonth: 1, expYear: 2030, cvc: '123' }, 'CARD_BRAND_UNSUPPORTED'],
    [{ number: '4242424242424242', expMonth: 1, expYear: 2020, cvc: '123' }, 'CARD_EXPIRED'],
    [{ number: '4242424242424242', expMonth: 1, expYear: 2030, cvc: '12' }, 'VALIDATION_FAILED'],
    [{ number: '4242424242424242', expMonth: 1, expYear: 2030, cvc: '123', extra: 1 }, 'VALIDATION_FAILED'],
  ])('refuses %j with %s', async (card, code) => {
    expect((await tokenise(card)).json()).toMatchObject({ code });
  });

  it('requires a signed-in customer', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/payment/tokens', payload: { card: {} } });
    expect(anonymous.statusCode).toBe(401);
  });
});
