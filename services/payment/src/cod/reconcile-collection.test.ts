import type { PaymentIntent } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentTestApp, type PaymentTestApp } from '../test/payment-test-app.ts';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await createPaymentTestApp();
});
afterAll(() => t.close());

async function cashOrder() {
  const customer = uuidv7();
  const created = await t.app.inject({
    method: 'POST',
    url: '/payment/intents',
    headers: { ...(await t.as('customer', customer)), 'idempotency-key': `k-${uuidv7()}` },
    payload: t.intentBody(customer, { method: 'cod' }),
  });
  return created.json<{ intent: PaymentIntent }>().intent;
}

describe('cash on delivery', () => {
  it('authorizes at once, refuses a direct capture, and captures when the round is reconciled — once', async () => {
    const a = await cashOrder();
    const b = await cashOrder();
    expect(a).toMatchObject({ status: 'authorized', method: 'cod', provider: 'cash' });
    const direct = await t.app.inject({
      method: 'POST',
      url: `/payment/intents/${a.id}/capture`,
      headers: { ...(await t.as('admin')), 'idempotency-key': `k-${uuidv7()}` },
      payload: {},
    });
    expect(direct.json()).toMatchObject({ code: 'COD_CAPTURED_BY_COLLECTION' });
    const report = {
      roundId: uuidv7(),
      driverId: uuidv7(),
      collections: [
        { intentId: a.id, amount: { amount: 1_015_000, currency: 'KZT' } },
        { intentId: b.id, amount: { amount: 1_015_000, currency: 'KZT' } },
        { intentId: uuidv7(), amount: { amount: 5, currency: 'KZT' } },
      ],
    };
    const send = async () =>
      t.app.inject({
        method: 'POST',
        url: '/payment/cod/collections',
        headers: await t.as('dispatcher'),
        payload: report,
      });
    const first = await send();
    expect(first.json()).toMatchObject({
      captured: [{ intentId: a.id }, { intentId: b.id }],
      rejected: [{ reason: 'COD_INTENT_INVALID' }],
      replayed: false,
    });
    const second = await send();
    expect(second.json()).toMatchObject({
      captured: [{ intentId: a.id }, { intentId: b.id }],
      replayed: true,
    });
    const [cash] = await t.db.sql<
      { s: string }[]
    >`select sum(amount)::text as s from ledger_entries where account = 'cash:cod'`;
    expect(cash?.s).toBe('-2030000');
    const customerCall = await t.app.inject({
      method: 'POST',
      url: '/payment/cod/collections',
      headers: await t.as('customer'),
      payload: report,
    });
    expect(customerCall.statusCode).toBe(403);
  });
});
