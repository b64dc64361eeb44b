import type { PaymentIntent } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentTestApp, type PaymentTestApp } from '../test/payment-test-app.ts';

describe('orders calling payment as a service (ADR 0004)', () => {
  let t: PaymentTestApp;
  beforeAll(async () => {
    t = await createPaymentTestApp();
  });
  afterAll(() => t.close());
  const asService = async (key = `k-${uuidv7()}`) => ({
    authorization: `Bearer ${await t.tokens.sign({ id: 'orders', roles: ['service'] })}`,
    'idempotency-key': key,
  });

  it('authorizes for the customer named, with that customer card only, then captures and refunds', async () => {
    const customer = uuidv7();
    const token = await t.cardToken(customer, '4242424242424242');
    const created = await t.app.inject({
      method: 'POST',
      url: '/payment/intents',
      headers: await asService(),
      payload: t.intentBody(customer, { token }),
    });
    expect(created.statusCode).toBe(201);
    const intent = created.json<{ intent: PaymentIntent }>().intent;
    expect(intent).toMatchObject({ status: 'authorized', customerId: customer });

    const read = await t.app.inject({ url: `/payment/intents/${intent.id}`, headers: await asService() });
    expect(read.statusCode).toBe(200);
    const captured = await t.app.inject({
      method: 'POST',
      url: `/payment/intents/${intent.id}/capture`,
      headers: await asService(),
      payload: {},
    });
    expect(captured.json()).toMatchObject({ intent: { status: 'captured' } });
    const refunded = await t.app.inject({
      method: 'POST',
      url: `/payment/intents/${intent.id}/refunds`,
      headers: await asService(),
      payload: { amount: 1000, destination: 'wallet' },
    });
    expect(refunded.statusCode).toBe(201);

    const someoneElses = await t.app.inject({
      method: 'POST',
      url: '/payment/intents',
      headers: await asService(),
      payload: t.intentBody(uuidv7(), { token }),
    });
    expect(someoneElses.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('a customer still cannot pay for someone else', async () => {
    const customer = uuidv7();
    const response = await t.app.inject({
      method: 'POST',
      url: '/payment/intents',
      headers: { ...(await t.as('customer')), 'idempotency-key': `k-${uuidv7()}` },
      payload: t.intentBody(customer, { method: 'cod' }),
    });
    expect(response.statusCode).toBe(403);
  });
});
