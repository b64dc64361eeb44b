import type { PaymentIntent } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPayload } from '../providers/signature.ts';
import { createPaymentTestApp, testSettings, type PaymentTestApp } from '../test/payment-test-app.ts';

let t: PaymentTestApp;
// A long late answer, so the test itself decides when and in which order webhooks arrive.
beforeAll(async () => {
  t = await createPaymentTestApp({ SANDBOX_LATE_ANSWER_MS: 3_600_000 });
});
afterAll(() => t.close());

const send = (body: object, secret = testSettings.SANDBOX_WEBHOOK_SECRET) => {
  const text = JSON.stringify(body);
  return t.app.inject({
    method: 'POST',
    url: '/payment/webhooks/sandbox',
    headers: { 'content-type': 'application/json', 'sandbox-signature': signPayload(text, secret) },
    payload: text,
  });
};

async function latePayment() {
  const customer = uuidv7();
  const token = await t.cardToken(customer, '4000000000000259');
  const response = await t.app.inject({
    method: 'POST',
    url: '/payment/intents',
    headers: { ...(await t.as('customer', customer)), 'idempotency-key': `k-${uuidv7()}` },
    payload: t.intentBody(customer, { token }),
  });
  const intent = response.json<{ intent: PaymentIntent }>().intent;
  return { intent, ref: `sbx_auth_${intent.id}` };
}
const statusOf = async (id: string) =>
  (await t.db.sql<{ status: string }[]>`select status from payment_intents where id = ${id}`)[0]?.status;
const bankSays = (ref: string, status: string) =>
  t.db.sql`update sandbox_authorizations set status = ${status} where ref = ${ref}`;

describe('sandbox webhooks', () => {
  it('refuses a webhook with a wrong signature', async () => {
    const response = await send(
      { id: 'evt_x', type: 'authorization.updated', ref: 'r' },
      'another-secret-entirely',
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'WEBHOOK_SIGNATURE_INVALID' });
  });

  it('applies a webhook once: a replay of the same event id changes nothing', async () => {
    const { intent, ref } = await latePayment();
    expect(intent.status).toBe('processing');
    await bankSays(ref, 'authorized');
    const event = { id: `evt_${uuidv7()}`, type: 'authorization.updated', ref };
    expect((await send(event)).json()).toEqual({ received: true, duplicate: false });
    expect((await send(event)).json()).toEqual({ received: true, duplicate: true });
    expect(await statusOf(intent.id)).toBe('authorized');
    const events = await t.db
      .sql`select 1 from outbox where type = 'payment.payment.authorized.v1' and payload->>'intentId' = ${intent.id}`;
    expect(events).toHaveLength(1);
  });

  it('is order-independent: an older event arriving last cannot move the payment back', async () => {
    const { intent, ref } = await latePayment();
    await bankSays(ref, 'authorized');
    await send({ id: `evt_${uuidv7()}`, type: 'authorization.updated', ref });
    // The bank later voids it (e.g. on our request), and an older "still pending" notice arrives after that.
    await bankSays(ref, 'canceled');
    await send({ id: `evt_${uuidv7()}`, type: 'authorization.updated', ref });
    expect(await statusOf(intent.id)).toBe('voided');
    await bankSays(ref, 'pending');
    await send({ id: `evt_${uuidv7()}`, type: 'authorization.updated', ref });
    expect(await statusOf(intent.id)).toBe('voided');
  });

  it('answers 404 for a reference it does not know yet, without remembering the event, so a retry can succeed', async () => {
    const event = { id: `evt_${uuidv7()}`, type: 'authorization.updated', ref: 'sbx_auth_unknown' };
    expect((await send(event)).statusCode).toBe(404);
    const [seen] = await t.db.sql`select 1 from webhook_events where event_id = ${event.id}`;
    expect(seen).toBeUndefined();
  });
});
