import type { PaymentIntent } from '@sauda/contracts';
import Stripe from 'stripe';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../test/fake-stripe.ts';
import { createPaymentTestApp, type PaymentTestApp } from '../test/payment-test-app.ts';

const SECRET = 'sk_test_fake_0123456789';
const WEBHOOK_SECRET = 'whsec_test_0123456789abcdef';
let stripe: FakeStripe;
let t: PaymentTestApp;
const ADMIN = uuidv7();

beforeAll(async () => {
  stripe = await startFakeStripe(SECRET);
  t = await createPaymentTestApp({
    PAYMENT_PROVIDER: 'stripe',
    STRIPE_SECRET_KEY: SECRET,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: stripe.url,
  });
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const key = () => ({ 'idempotency-key': `k-${uuidv7()}` });
async function pay(number: string) {
  const customer = uuidv7();
  const token = await t.cardToken(customer, number);
  const response = await t.app.inject({
    method: 'POST',
    url: '/payment/intents',
    headers: { ...(await t.as('customer', customer)), ...key() },
    payload: t.intentBody(customer, { token }),
  });
  return response.json<{ intent: PaymentIntent }>().intent;
}
/** Signs like Stripe does (`t=…,v1=…`), with the SDK's own test helper. */
const signStripe = (payload: string, secret: string) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret });
const webhook = (body: object, secret = WEBHOOK_SECRET, signature?: string) => {
  const text = JSON.stringify(body);
  return t.app.inject({
    method: 'POST',
    url: '/payment/webhooks/stripe',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signature ?? signStripe(text, secret),
    },
    payload: text,
  });
};

describe('the Stripe adapter against a fake Stripe', () => {
  it('authorizes with manual capture, captures part, and refunds through Stripe', async () => {
    const intent = await pay('4242424242424242');
    expect(intent).toMatchObject({
      status: 'authorized',
      provider: 'stripe',
      card: { brand: 'visa', last4: '4242' },
    });
    const capture = await t.app.inject({
      method: 'POST',
      url: `/payment/intents/${intent.id}/capture`,
      headers: { ...(await t.as('admin', ADMIN)), ...key() },
      payload: { amount: 800_000 },
    });
    expect(capture.json()).toMatchObject({ intent: { status: 'captured', amountCaptured: 800_000 } });
    const refund = await t.app.inject({
      method: 'POST',
      url: `/payment/intents/${intent.id}/refunds`,
      headers: { ...(await t.as('admin', ADMIN)), ...key() },
      payload: { amount: 300_000 },
    });
    expect(refund.statusCode).toBe(201);
    const [row] = await t.db.sql<
      { provider_ref: string }[]
    >`select provider_ref from payment_intents where id = ${intent.id}`;
    expect(stripe.intents.get(row?.provider_ref ?? '')).toMatchObject({
      status: 'succeeded',
      amount_received: 800_000,
      refunded: 300_000,
    });
    expect(stripe.calls).toEqual(
      expect.arrayContaining(['POST /v1/payment_methods', 'POST /v1/payment_intents', 'POST /v1/refunds']),
    );
    // Every mutating call on a payment carries our idempotency key.
    expect(stripe.keyed).toEqual(
      expect.arrayContaining([
        'POST /v1/payment_intents',
        `POST /v1/payment_intents/${row?.provider_ref ?? ''}/capture`,
        'POST /v1/refunds',
      ]),
    );
  });

  it("fails a declined card with Stripe's decline code", async () => {
    expect(await pay('4000000000000002')).toMatchObject({ status: 'failed', failureCode: 'do_not_honor' });
  });

  it('follows a 3-D Secure redirect and authorizes from a signed webhook, once', async () => {
    const intent = await pay('4000000000003220');
    expect(intent.nextAction?.url).toMatch(/^https:\/\/hooks\.stripe\.test\/3ds\//);
    const [row] = await t.db.sql<
      { provider_ref: string }[]
    >`select provider_ref from payment_intents where id = ${intent.id}`;
    const ref = row?.provider_ref ?? '';
    const fake = stripe.intents.get(ref);
    if (fake) fake.status = 'requires_capture';
    const event = {
      id: `evt_${uuidv7()}`,
      type: 'payment_intent.amount_capturable_updated',
      data: { object: { id: ref } },
    };
    expect((await webhook(event, 'whsec_wrong_secret_entirely')).statusCode).toBe(400);
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload: JSON.stringify(event),
      secret: WEBHOOK_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    expect((await webhook(event, WEBHOOK_SECRET, stale)).json()).toMatchObject({
      code: 'WEBHOOK_SIGNATURE_INVALID',
    });
    expect((await webhook(event)).json()).toEqual({ received: true, duplicate: false });
    expect((await webhook(event)).json()).toEqual({ received: true, duplicate: true });
    const read = await t.app.inject({
      method: 'GET',
      url: `/payment/intents/${intent.id}`,
      headers: await t.as('admin'),
    });
    expect(read.json()).toMatchObject({ intent: { status: 'authorized' } });
  });

  it('voids through Stripe', async () => {
    const intent = await pay('4242424242424242');
    const voided = await t.app.inject({
      method: 'POST',
      url: `/payment/intents/${intent.id}/void`,
      headers: { ...(await t.as('admin')), ...key() },
    });
    expect(voided.json()).toMatchObject({ intent: { status: 'voided' } });
  });
});
