import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentErrors } from './errors.ts';
import { createPaymentTestApp, type PaymentTestApp } from './test/payment-test-app.ts';

let t: PaymentTestApp;
beforeAll(async () => {
  t = await createPaymentTestApp();
});
afterAll(() => t.close());

describe('the payment error catalogue', () => {
  it('documents every code of errors.ts in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      'x-error-codes': { name: string; description: string }[];
    }>();
    const documented = new Map(doc['x-error-codes'].map((e) => [e.name, e.description]));
    for (const spec of paymentErrors) expect(documented.get(spec.code)).toBe(`${spec.status} ${spec.title}`);
    expect(documented.has('IDEMPOTENCY_KEY_REUSED')).toBe(true);
  });

  it('documents who may call each route', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, Record<string, { 'x-access': string }>>;
    }>();
    expect(doc.paths['/payment/tokens']?.post?.['x-access']).toBe('customer');
    expect(doc.paths['/payment/webhooks/{provider}']?.post?.['x-access']).toBe('public');
    expect(doc.paths['/payment/cod/collections']?.post?.['x-access']).toBe('dispatcher, admin');
  });
});
