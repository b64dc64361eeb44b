import { DEMO_IDS, type PaymentIntent } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentTestApp, SELLER, type PaymentTestApp } from '../test/payment-test-app.ts';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await createPaymentTestApp();
  await t.db.sql`insert into commission_rates (scope, basis_points) values ('default', 1000)`;
});
afterAll(() => t.close());

const key = () => ({ 'idempotency-key': `k-${uuidv7()}` });
// Keys are scoped per caller (as Stripe scopes them per account): one admin sends every refund here.
const ADMIN = uuidv7();

async function capturedPayment(customer = uuidv7()) {
  const token = await t.cardToken(customer, '4242424242424242');
  const created = await t.app.inject({
    method: 'POST',
    url: '/payment/intents',
    headers: { ...(await t.as('customer', customer)), ...key() },
    payload: t.intentBody(customer, { token }),
  });
  const intent = created.json<{ intent: PaymentIntent }>().intent;
  await t.app.inject({
    method: 'POST',
    url: `/payment/intents/${intent.id}/capture`,
    headers: { ...(await t.as('admin')), ...key() },
    payload: {},
  });
  return { intent, customer };
}
const refund = async (intentId: string, payload: object, headers: Record<string, string> = key()) =>
  t.app.inject({
    method: 'POST',
    url: `/payment/intents/${intentId}/refunds`,
    headers: { ...(await t.as('admin', ADMIN)), ...headers },
    payload,
  });
const sumOf = async (intentId: string) =>
  (
    await t.db.sql<
      { s: string }[]
    >`select coalesce(sum(amount), 0)::text as s from ledger_entries where intent_id = ${intentId}`
  )[0]?.s;

describe('refunds', () => {
  it('refunds partly then the rest, never more than captured, and reverses the settlement exactly', async () => {
    const { intent } = await capturedPayment();
    const seller = async () =>
      (
        await t.db.sql<
          { s: string }[]
        >`select sum(amount)::text as s from ledger_entries where intent_id = ${intent.id} and account = ${`seller:${SELLER}`}`
      )[0]?.s;
    expect(await seller()).toBe('900000');
    expect((await refund(intent.id, { amount: 333_333 })).statusCode).toBe(201);
    const tooMuch = await refund(intent.id, { amount: 1_000_000 });
    expect(tooMuch.json()).toMatchObject({ code: 'REFUND_EXCEEDS_CAPTURED', refundable: 681_667 });
    expect((await refund(intent.id, {})).json()).toMatchObject({ refund: { amount: { amount: 681_667 } } });
    expect((await refund(intent.id, { amount: 1 })).json()).toMatchObject({
      code: 'REFUND_EXCEEDS_CAPTURED',
    });
    expect(await seller()).toBe('0');
    const [row] = await t.db.sql<
      { status: string }[]
    >`select status from payment_intents where id = ${intent.id}`;
    expect(row?.status).toBe('refunded');
    // The provider clearing account got back what it paid in: nothing of this payment is left anywhere.
    const accounts = await t.db.sql<{ account: string; s: string }[]>`
      select account, sum(amount)::text as s from ledger_entries where intent_id = ${intent.id} group by account having sum(amount) <> 0`;
    expect(accounts).toEqual([]);
    expect(await sumOf(intent.id)).toBe('0');
  });

  it('lets only one of two concurrent refunds of the whole amount through', async () => {
    const { intent } = await capturedPayment();
    const answers = await Promise.all([
      refund(intent.id, { amount: 1_015_000 }),
      refund(intent.id, { amount: 1_015_000 }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422]);
  });

  it('replays a refund sent twice with the same key', async () => {
    const { intent } = await capturedPayment();
    const headers = key();
    const first = await refund(intent.id, { amount: 1000 }, headers);
    const second = await refund(intent.id, { amount: 1000 }, headers);
    expect(second.json()).toEqual(first.json());
    const [n] = await t.db.sql<
      { n: number }[]
    >`select count(*)::int as n from refunds where intent_id = ${intent.id}`;
    expect(n?.n).toBe(1);
  });

  it('refunds to the wallet on request, crediting the balance and announcing both events', async () => {
    const { intent, customer } = await capturedPayment();
    expect(
      (await refund(intent.id, { amount: 5000, destination: 'wallet', reason: 'late delivery' })).statusCode,
    ).toBe(201);
    const wallet = await t.app.inject({
      method: 'GET',
      url: '/payment/wallet',
      headers: await t.as('customer', customer),
    });
    expect(wallet.json()).toMatchObject({
      balance: { amount: 5000, currency: 'KZT' },
      items: [{ kind: 'refund' }],
    });
    expect(await t.events()).toEqual(
      expect.arrayContaining(['payment.refund.completed.v1', 'payment.wallet.credited.v1']),
    );
  });

  it('refuses to refund a payment that was never captured', async () => {
    const customer = uuidv7();
    const token = await t.cardToken(customer, '4242424242424242');
    const created = await t.app.inject({
      method: 'POST',
      url: '/payment/intents',
      headers: { ...(await t.as('customer', customer)), ...key() },
      payload: t.intentBody(customer, { token }),
    });
    const intent = created.json<{ intent: PaymentIntent }>().intent;
    expect((await refund(intent.id, { amount: 1 })).json()).toMatchObject({
      code: 'REFUND_EXCEEDS_CAPTURED',
    });
    expect(DEMO_IDS.customer).toBeDefined();
  });
});
