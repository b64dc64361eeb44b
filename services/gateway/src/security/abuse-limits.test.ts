import { createService, type App } from '@sauda/kit';
import { createTestTokens, type TestTokens } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';

/** Business-flow limits (OWASP API6): checkout attempts per customer, code guesses per caller. */
describe('business-flow abuse limits', () => {
  let tokens: TestTokens;
  let orders: App;
  let gateway: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    tokens = await createTestTokens();
    orders = await createService({ name: 'orders', logLevel: 'silent', auth: tokens.verifier });
    const open = { config: { auth: { access: 'public', owns: 'test double' } } } as const;
    orders.post('/checkout', open, async () => ({ ok: true }));
    orders.post('/cart/promo', open, async () => ({ applied: false }));
    orders.get('/cart', open, async (request) => ({
      items: [],
      seenFrom: request.headers['x-forwarded-for'],
    }));
    await orders.listen({ port: 0, host: '127.0.0.1' });
    const address = orders.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    ({ app: gateway, close } = await buildApp({
      config: readConfig({
        LOG_LEVEL: 'silent',
        CHECKOUT_RATE_LIMIT_PER_MINUTE: '3',
        CODE_ATTEMPTS_PER_15_MINUTES: '4',
      }),
      upstreams: { orders: `http://127.0.0.1:${port}` },
      verifier: tokens.verifier,
    }));
    await gateway.ready();
  });

  afterAll(async () => {
    await gateway.close();
    await close();
    await orders.close();
    tokens.verifier.close();
  });

  const as = async (id: string) => ({
    authorization: `Bearer ${await tokens.sign({ id, roles: ['customer'] })}`,
  });

  it('limits checkout attempts per customer, not per IP, with Retry-After', async () => {
    const first = await as('01990000-0000-7000-8000-0000000000c1');
    const second = await as('01990000-0000-7000-8000-0000000000c2');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push(
        (await gateway.inject({ method: 'POST', url: '/api/checkout', headers: first })).statusCode,
      );
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await gateway.inject({ method: 'POST', url: '/api/checkout', headers: first });
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.json<{ retryAfter: number }>().retryAfter).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another customer from the same address, and the same customer's other requests, are unaffected.
    expect((await gateway.inject({ method: 'POST', url: '/api/checkout', headers: second })).statusCode).toBe(
      200,
    );
    expect((await gateway.inject({ url: '/api/cart', headers: first })).statusCode).toBe(200);
  });

  it('limits promo code guesses per caller over 15 minutes', async () => {
    const remoteAddress = '10.7.7.7';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await gateway.inject({
        method: 'POST',
        url: '/api/cart/promo',
        remoteAddress,
        payload: { code: `GUESS${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    const refused = await gateway.inject({
      method: 'POST',
      url: '/api/cart/promo',
      remoteAddress,
      payload: { code: 'GUESS9' },
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(60);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('forwards the address it settled on, so a client cannot spoof its IP to the services behind it', async () => {
    const spoofed = { 'x-forwarded-for': '203.0.113.9' };
    const direct = await gateway.inject({
      url: '/api/cart',
      remoteAddress: '198.51.100.4',
      headers: spoofed,
    });
    expect(direct.json()).toMatchObject({ seenFrom: '198.51.100.4' });
    // Through the ingress (a private address the gateway trusts), the client's address it reports is kept.
    const proxied = await gateway.inject({ url: '/api/cart', remoteAddress: '10.1.2.3', headers: spoofed });
    expect(proxied.json()).toMatchObject({ seenFrom: '203.0.113.9' });
  });
});
