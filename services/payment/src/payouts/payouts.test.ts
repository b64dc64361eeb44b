import type { PaymentIntent } from '@sauda/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentTestApp, SELLER, type PaymentTestApp } from '../test/payment-test-app.ts';
import { normaliseIban } from './iban.ts';

let t: PaymentTestApp;
const ADMIN = uuidv7();
beforeAll(async () => {
  t = await createPaymentTestApp();
  await t.db.sql`insert into commission_rates (scope, basis_points) values ('default', 1000)`;
});
afterAll(() => t.close());

const key = () => ({ 'idempotency-key': `k-${uuidv7()}` });
async function sale(daysAgo: number) {
  const customer = uuidv7();
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
    headers: { ...(await t.as('admin', ADMIN)), ...key() },
    payload: {},
  });
  await t.db
    .sql`update ledger_entries set available_at = available_at - ${daysAgo} * interval '1 day' where intent_id = ${intent.id}`;
  return intent;
}
const admin = async () => t.as('admin', ADMIN);
const seller = async () => t.as('seller', SELLER);

describe('seller balance and payouts', () => {
  it('checks IBANs by their mod-97 checksum', () => {
    expect(normaliseIban('kz86 125K ZT50 0410 0100')).toBe('KZ86125KZT5004100100');
    expect(normaliseIban('KZ87125KZT5004100100')).toBeUndefined();
    expect(normaliseIban('not an iban')).toBeUndefined();
  });

  it('pays out only what left the return window, holds sellers without an IBAN, and never pays twice', async () => {
    await sale(20); // out of the window: 900 000 to the seller
    const inWindow = await sale(1); // still refundable: not paid out
    // A refund of the recent sale counts against the seller at once.
    await t.app.inject({
      method: 'POST',
      url: `/payment/intents/${inWindow.id}/refunds`,
      headers: { ...(await admin()), ...key() },
      payload: { amount: 101_500 },
    });
    const balance = await t.app.inject({
      method: 'GET',
      url: '/payment/seller/balance',
      headers: await seller(),
    });
    expect(balance.json()).toMatchObject({
      balance: { amount: 1_710_000 },
      available: { amount: 810_000 },
      pending: { amount: 900_000 },
    });

    const badIban = await t.app.inject({
      method: 'PUT',
      url: '/payment/seller/payout-account',
      headers: await seller(),
      payload: { iban: 'KZ00125KZT5004100100', holder: 'Demo' },
    });
    expect(badIban.json()).toMatchObject({ code: 'IBAN_INVALID' });
    const set = await t.app.inject({
      method: 'PUT',
      url: '/payment/seller/payout-account',
      headers: await seller(),
      payload: { iban: 'KZ86 125K ZT50 0410 0100', holder: 'Demo, "Store" LLP' },
    });
    expect(set.json()).toEqual({ iban: 'KZ•• •••• 0100' });

    const periodEnd = new Date().toISOString();
    const batch = await t.app.inject({
      method: 'POST',
      url: '/payment/admin/payout-batches',
      headers: await admin(),
      payload: { periodEnd },
    });
    expect(batch.statusCode).toBe(201);
    expect(batch.json()).toMatchObject({ payouts: 1, total: { amount: 810_000, currency: 'KZT' } });
    const again = await t.app.inject({
      method: 'POST',
      url: '/payment/admin/payout-batches',
      headers: await admin(),
      payload: { periodEnd },
    });
    expect(again.json()).toMatchObject({ code: 'PAYOUT_BATCH_EXISTS' });
    const next = await t.app.inject({
      method: 'POST',
      url: '/payment/admin/payout-batches',
      headers: await admin(),
      payload: {},
    });
    expect(next.json()).toMatchObject({ payouts: 0 });

    const batchId = batch.json<{ id: string }>().id;
    const file = await t.app.inject({
      method: 'GET',
      url: `/payment/admin/payout-batches/${batchId}/file`,
      headers: await admin(),
    });
    expect(file.headers['content-type']).toMatch(/text\/csv/);
    const [header, line] = file.body.trim().split('\n');
    expect(header).toBe('payout_id,seller_id,beneficiary,iban,amount,currency,reference');
    expect(line).toContain(`,${SELLER},"Demo, ""Store"" LLP",KZ86125KZT5004100100,8100.00,KZT,`);

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/payment/admin/payout-batches/${batchId}/paid`,
          headers: await admin(),
        })
      ).statusCode,
    ).toBe(204);
    const payouts = await t.app.inject({
      method: 'GET',
      url: '/payment/seller/payouts',
      headers: await seller(),
    });
    expect(payouts.json()).toMatchObject({ items: [{ status: 'paid', amount: { amount: 810_000 } }] });
    const after = await t.app.inject({
      method: 'GET',
      url: '/payment/seller/balance',
      headers: await seller(),
    });
    expect(after.json()).toMatchObject({
      balance: { amount: 900_000 },
      available: { amount: 0 },
      paidOut: { amount: 810_000 },
    });
    const statement = await t.app.inject({
      method: 'GET',
      url: '/payment/seller/statement',
      headers: await seller(),
    });
    expect(statement.json<{ items: { kind: string }[] }>().items.map((i) => i.kind)).toEqual([
      'payout',
      'refund_sale',
      'sale',
      'sale',
    ]);
  });

  it('lets admins set commission rates, the seller rate winning over the default', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: '/payment/admin/commission-rates',
      headers: await admin(),
      payload: { scope: 'seller', subjectId: SELLER, basisPoints: 250 },
    });
    expect(put.statusCode).toBe(200);
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/payment/admin/commission-rates',
      headers: await admin(),
      payload: { scope: 'category', basisPoints: 250 },
    });
    expect(bad.json()).toMatchObject({ code: 'BAD_REQUEST' });
    const intent = await sale(0);
    const [share] = await t.db.sql<
      { s: string }[]
    >`select sum(amount)::text as s from ledger_entries where intent_id = ${intent.id} and kind = 'commission'`;
    expect(share?.s).toBe('25000');
    const list = await t.app.inject({
      method: 'GET',
      url: '/payment/admin/commission-rates',
      headers: await admin(),
    });
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(2);
  });
});
