import type { PaymentIntent } from '@sauda/contracts';
import { eventually } from '@sauda/kit/testing';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '@sauda/kit';
import { createPaymentTestApp, type PaymentTestApp } from '../test/payment-test-app.ts';
import { splitsOf } from '../data/intents-repo.ts';
import { authorizeAtProvider, authorizeForgotten, openIntent } from './create-intent.ts';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await createPaymentTestApp();
});
afterAll(() => t.close());

async function pay(customerId: string, number: string, key = uuidv7()) {
  const token = await t.cardToken(customerId, number);
  const body = t.intentBody(customerId, { token, returnUrl: '/orders/x' });
  const response = await t.app.inject({
    method: 'POST',
    url: '/payment/intents',
    headers: { ...(await t.as('customer', customerId)), 'idempotency-key': key },
    payload: body,
  });
  return { response, intent: response.json<{ intent: PaymentIntent }>().intent, body };
}

const intentStatus = async (id: string) =>
  (await t.db.sql<{ status: string }[]>`select status from payment_intents where id = ${id}`)[0]?.status;

describe('authorizing through the sandbox bank', () => {
  it('approves 4242 4242 4242 4242, keeps the seller splits, and announces payment.payment.authorized.v1', async () => {
    const { response, intent, body } = await pay(uuidv7(), '4242424242424242');
    expect(response.statusCode).toBe(201);
    expect(intent).toMatchObject({ status: 'authorized', card: { brand: 'visa', last4: '4242' } });
    expect(await splitsOf(t.db.sql, intent.id)).toEqual(
      body.splits.map((s) => ({ sellerId: s.sellerId, categoryId: null, amount: s.amount.amount })),
    );
    const [event] = await t.db.sql<{ payload: { intentId: string } }[]>`
      select payload from outbox where type = 'payment.payment.authorized.v1' and payload->>'intentId' = ${intent.id}`;
    expect(event).toBeDefined();
  });

  it.each([
    ['4000000000009995', 'insufficient_funds'],
    ['4000000000000002', 'do_not_honour'],
    ['4000000000009979', 'stolen_card'],
  ])('declines %s with reason %s and announces payment.payment.failed.v1', async (number, reason) => {
    const { intent } = await pay(uuidv7(), number);
    expect(intent).toMatchObject({ status: 'failed', failureCode: reason });
    const [event] = await t.db.sql<{ payload: { reason: string } }[]>`
      select payload from outbox where type = 'payment.payment.failed.v1' and payload->>'intentId' = ${intent.id}`;
    expect(event?.payload.reason).toBe(reason);
  });

  it('asks for a challenge, and the customer approving it authorizes the payment', async () => {
    const customer = uuidv7();
    const { intent } = await pay(customer, '4000000000003220');
    expect(intent.status).toBe('requires_action');
    expect(intent.nextAction?.url).toMatch(/^\/payment\/challenge\/[0-9a-f-]{36}$/);
    const challengeId = intent.nextAction?.url.split('/').pop() ?? '';
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/payment/sandbox/challenges/${challengeId}`,
      headers: await t.as('customer'),
      payload: { outcome: 'approve' },
    });
    expect(stranger.json()).toMatchObject({ code: 'CHALLENGE_NOT_FOUND' });
    const shown = await t.app.inject({
      method: 'GET',
      url: `/payment/sandbox/challenges/${challengeId}`,
      headers: await t.as('customer', customer),
    });
    expect(shown.json()).toMatchObject({ intentId: intent.id, pending: true, card: { last4: '3220' } });
    const done = await t.app.inject({
      method: 'POST',
      url: `/payment/sandbox/challenges/${challengeId}`,
      headers: await t.as('customer', customer),
      payload: { outcome: 'approve' },
    });
    expect(done.json()).toMatchObject({ intent: { status: 'authorized' }, returnUrl: '/orders/x' });
    await t.ctx.sandbox?.idle();
    expect(await intentStatus(intent.id)).toBe('authorized');
  });

  it('fails the payment when the customer refuses the challenge', async () => {
    const customer = uuidv7();
    const { intent } = await pay(customer, '4000000000003220');
    const challengeId = intent.nextAction?.url.split('/').pop() ?? '';
    const done = await t.app.inject({
      method: 'POST',
      url: `/payment/sandbox/challenges/${challengeId}`,
      headers: await t.as('customer', customer),
      payload: { outcome: 'decline' },
    });
    expect(done.json()).toMatchObject({ intent: { status: 'failed', failureCode: 'authentication_failed' } });
  });

  it('fails with provider_timeout when the bank does not answer in time, and reverses the bank authorization', async () => {
    const { intent } = await pay(uuidv7(), '4000000000000119');
    expect(intent).toMatchObject({ status: 'failed', failureCode: 'provider_timeout' });
    const [bank] = await t.db.sql<
      { status: string }[]
    >`select status from sandbox_authorizations where ref = ${`sbx_auth_${intent.id}`}`;
    expect(bank?.status).toBe('canceled');
  });

  it('stays processing on a late answer, then authorizes when the signed webhook arrives', async () => {
    const { intent } = await pay(uuidv7(), '4000000000000259');
    expect(intent).toMatchObject({ status: 'processing', card: { brand: 'visa', last4: '0259' } });
    await eventually(async () => expect(await intentStatus(intent.id)).toBe('authorized'));
  });
});

describe('the bank is asked after the intent is committed', () => {
  it('keeps no transaction open while the bank answers: the intent is visible, processing, meanwhile', async () => {
    const answer = pay(uuidv7(), '4000000000000119'); // the bank never answers: 1.5 s until the timeout
    const seen = await eventually(async () => {
      const [row] = await t.db.sql<{ id: string; status: string }[]>`
        select id, status from payment_intents where token is not null order by created_at desc limit 1`;
      expect(row?.status).toBe('processing');
      return row;
    });
    const { intent } = await answer;
    expect(intent.id).toBe(seen?.id);
    expect(intent).toMatchObject({ status: 'failed', failureCode: 'provider_timeout' });
  });

  it('authorizes, once, a card intent whose process died before the bank answered, and one the bank answered unheard', async () => {
    const open = async (customer: string) => {
      const token = await t.cardToken(customer, '4242424242424242');
      const body = t.intentBody(customer, { token });
      // What a process that died right after its commit leaves: the intent, and no answer applied.
      const opened = await withTransaction(t.db.sql, (tx) => openIntent(t.ctx, tx, body));
      if (!opened.due) throw new Error('a card intent waits for its bank');
      return opened.due;
    };
    const neverAsked = await open(uuidv7());
    const unheard = await open(uuidv7());
    await t.ctx.providers.get('sandbox')?.authorize({
      intentId: unheard.row.id,
      providerToken: unheard.providerToken,
      amount: { amount: Number(unheard.row.amount), currency: unheard.row.currency },
    });
    expect(await intentStatus(neverAsked.row.id)).toBe('processing');

    expect(await authorizeForgotten(t.ctx, 0)).toEqual({ asked: 2 });
    expect(await intentStatus(neverAsked.row.id)).toBe('authorized');
    expect(await intentStatus(unheard.row.id)).toBe('authorized');
    expect(await authorizeForgotten(t.ctx, 0)).toEqual({ asked: 0 });
    const ids = [neverAsked.row.id, unheard.row.id];
    const [bank] = await t.db.sql<{ n: number }[]>`
      select count(*)::int as n from sandbox_authorizations where ref = any(${ids.map((id) => `sbx_auth_${id}`)})`;
    expect(bank?.n).toBe(2);
    const [events] = await t.db.sql<{ n: number }[]>`
      select count(*)::int as n from outbox
      where type = 'payment.payment.authorized.v1' and payload->>'intentId' = any(${ids})`;
    expect(events?.n).toBe(2);
  });

  it('answers the state an intent reached meanwhile when the bank answers again, and announces it once', async () => {
    const customer = uuidv7();
    const token = await t.cardToken(customer, '4242424242424242');
    const opened = await withTransaction(t.db.sql, (tx) =>
      openIntent(t.ctx, tx, t.intentBody(customer, { token })),
    );
    if (!opened.due) throw new Error('a card intent waits for its bank');
    // The first answer authorizes; the second (a sweep racing the request) finds the intent already there.
    await authorizeAtProvider(t.ctx, opened.due);
    const again = await authorizeAtProvider(t.ctx, opened.due);
    expect(again).toMatchObject({ status: 'authorized', brand: 'visa', last4: '4242' });
    const [events] = await t.db.sql<{ n: number }[]>`
      select count(*)::int as n from outbox
      where type = 'payment.payment.authorized.v1' and payload->>'intentId' = ${opened.row.id}`;
    expect(events?.n).toBe(1);
  });

  it('gets the first answer from the sandbox bank when an authorization is asked for again', async () => {
    const customer = uuidv7();
    const token = await t.cardToken(customer, '4000000000003220');
    const opened = await withTransaction(t.db.sql, (tx) =>
      openIntent(t.ctx, tx, t.intentBody(customer, { token })),
    );
    if (!opened.due) throw new Error('a card intent waits for its bank');
    const bank = t.ctx.providers.get('sandbox');
    const ask = () =>
      bank?.authorize({
        intentId: opened.row.id,
        providerToken: opened.due?.providerToken ?? '',
        amount: { amount: Number(opened.row.amount), currency: opened.row.currency },
      });
    const first = await ask();
    expect(first).toMatchObject({ status: 'requires_action' });
    expect(await ask()).toEqual(first);
  });

  it('leaves an intent in progress to its own request, and one the bank answered late to the webhook', async () => {
    const { intent } = await pay(uuidv7(), '4000000000000259');
    expect(intent.status).toBe('processing');
    // Older than the threshold only after 30 s: a fresh sweep does not touch requests still running.
    expect((await authorizeForgotten(t.ctx, 30_000)).asked).toBe(0);
    await eventually(async () => expect(await intentStatus(intent.id)).toBe('authorized'));
  });
});

describe('idempotency of intent creation', () => {
  it('answers the stored first answer to the same key and body, without a second authorization', async () => {
    const customer = uuidv7();
    const token = await t.cardToken(customer, '4242424242424242');
    const body = t.intentBody(customer, { token });
    const headers = { ...(await t.as('customer', customer)), 'idempotency-key': `key-${uuidv7()}` };
    const first = await t.app.inject({ method: 'POST', url: '/payment/intents', headers, payload: body });
    const second = await t.app.inject({ method: 'POST', url: '/payment/intents', headers, payload: body });
    expect(second.statusCode).toBe(201);
    // The stored answer is the one the bank's answer led to, not the first commit's `processing`.
    expect(first.json()).toMatchObject({ intent: { status: 'authorized' } });
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    const other = await t.app.inject({
      method: 'POST',
      url: '/payment/intents',
      headers,
      payload: { ...body, amount: { amount: 1, currency: 'KZT' } },
    });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('creates one intent when ten identical requests arrive at once', async () => {
    const customer = uuidv7();
    const token = await t.cardToken(customer, '4242424242424242');
    const body = t.intentBody(customer, { token });
    const headers = { ...(await t.as('customer', customer)), 'idempotency-key': `key-${uuidv7()}` };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t.app.inject({ method: 'POST', url: '/payment/intents', headers, payload: body }),
      ),
    );
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.json<{ intent: PaymentIntent }>().intent.id)).size).toBe(1);
    const [count] = await t.db.sql<
      { n: number }[]
    >`select count(*)::int as n from payment_intents where order_id = ${body.orderId}`;
    expect(count?.n).toBe(1);
  });

  it('refuses a second live payment for the same order under a new key', async () => {
    const customer = uuidv7();
    const token = await t.cardToken(customer, '4242424242424242');
    const body = t.intentBody(customer, { token });
    const headers = await t.as('customer', customer);
    await t.app.inject({
      method: 'POST',
      url: '/payment/intents',
      headers: { ...headers, 'idempotency-key': `a-${uuidv7()}` },
      payload: body,
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/payment/intents',
      headers: { ...headers, 'idempotency-key': `b-${uuidv7()}` },
      payload: body,
    });
    expect(again.json()).toMatchObject({ code: 'ORDER_ALREADY_HAS_PAYMENT' });
  });

  it('refuses bad input with stable codes', async () => {
    const customer = uuidv7();
    const othersToken = await t.cardToken(uuidv7(), '4242424242424242');
    const headers = { ...(await t.as('customer', customer)), 'idempotency-key': `k-${uuidv7()}` };
    const cases: [Record<string, unknown>, Record<string, string>, string][] = [
      [t.intentBody(customer, { token: 'tok_nope' }), headers, 'CARD_TOKEN_NOT_FOUND'],
      [t.intentBody(customer, { token: othersToken }), headers, 'CARD_TOKEN_NOT_FOUND'],
      [t.intentBody(customer), headers, 'CARD_TOKEN_REQUIRED'],
      [
        t.intentBody(customer, { method: 'cod', amount: { amount: 5, currency: 'KZT' } }),
        headers,
        'SPLIT_MISMATCH',
      ],
      [
        t.intentBody(customer, { method: 'cod', deliveryFee: { amount: 15_000, currency: 'USD' } }),
        headers,
        'CURRENCY_MISMATCH',
      ],
      [t.intentBody(uuidv7(), { method: 'cod' }), headers, 'FORBIDDEN'],
      [t.intentBody(customer, { method: 'cod' }), await t.as('customer', customer), 'VALIDATION_FAILED'],
    ];
    for (const [payload, h, code] of cases) {
      const key = h['idempotency-key'] ? { 'idempotency-key': `k-${uuidv7()}` } : {};
      const response = await t.app.inject({
        method: 'POST',
        url: '/payment/intents',
        headers: { ...h, ...key },
        payload,
      });
      expect(response.json(), code).toMatchObject({ code });
    }
  });
});

describe('capture and void', () => {
  const post = async (url: string, role: 'admin' | 'customer', payload?: object, id?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...(await t.as(role, id)), 'idempotency-key': `k-${uuidv7()}` },
      ...(payload ? { payload } : {}),
    });

  it('captures part of an authorization, announces it, and refuses a second capture', async () => {
    const { intent } = await pay(uuidv7(), '5555555555554444');
    const captured = await post(`/payment/intents/${intent.id}/capture`, 'admin', { amount: 600_000 });
    expect(captured.json()).toMatchObject({ intent: { status: 'captured', amountCaptured: 600_000 } });
    const again = await post(`/payment/intents/${intent.id}/capture`, 'admin', {});
    expect(again.json()).toMatchObject({ code: 'INTENT_STATE_CONFLICT' });
    expect(await t.events()).toContain('payment.payment.captured.v1');
  });

  it('refuses a capture above the authorized amount', async () => {
    const { intent } = await pay(uuidv7(), '4242424242424242');
    const response = await post(`/payment/intents/${intent.id}/capture`, 'admin', { amount: 2_000_000 });
    expect(response.json()).toMatchObject({ code: 'CAPTURE_AMOUNT_INVALID' });
  });

  it('lets the customer void their own authorization, and a second void answers the same state', async () => {
    const customer = uuidv7();
    const { intent } = await pay(customer, '4242424242424242');
    const voided = await post(`/payment/intents/${intent.id}/void`, 'customer', undefined, customer);
    expect(voided.json()).toMatchObject({ intent: { status: 'voided' } });
    const again = await post(`/payment/intents/${intent.id}/void`, 'customer', undefined, customer);
    expect(again.json()).toMatchObject({ intent: { status: 'voided' } });
    const stranger = await post(`/payment/intents/${intent.id}/void`, 'customer');
    expect(stranger.json()).toMatchObject({ code: 'INTENT_NOT_FOUND' });
    const [bank] = await t.db.sql<
      { status: string }[]
    >`select status from sandbox_authorizations where ref = ${`sbx_auth_${intent.id}`}`;
    expect(bank?.status).toBe('canceled');
  });
});
