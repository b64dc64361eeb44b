/**
 * Brute force and business-flow abuse (OWASP API4/API6): sign-in per account and per client address, checkout
 * attempts per customer, promo and gift-card code guessing. Each limit answers 429 RATE_LIMITED problem+json
 * with Retry-After. The e2e system lifts the gateway's per-IP credential bucket (every browser test signs in
 * from 127.0.0.1), so these checks use fresh accounts and their own client addresses (X-Forwarded-For from
 * loopback, as an ingress would send it) and never touch the limits other suites run under.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type {} from '../../apps/web/e2e/global-setup.ts';
import { call, randomAddress, registerCustomer, SUITE_PASSWORD, type Answer } from './api.ts';

let base = '';

beforeAll(() => {
  base = inject('baseUrl');
});

function expectLimited(answer: Answer | undefined, label: string): void {
  if (!answer) throw new Error(`${label}: never limited`);
  expect(answer.status, `${label}: ${answer.text.slice(0, 200)}`).toBe(429);
  expect(answer.type).toContain('application/problem+json');
  expect(answer.json()).toMatchObject({ code: 'RATE_LIMITED' });
  expect(answer.json<{ retryAfter: number }>().retryAfter).toBeGreaterThan(0);
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(answer.text).not.toMatch(/\n\s+at /);
}

/** Sends until the first 429 (or `max` requests); answers it and how many went before it. */
async function untilLimited(max: number, send: (i: number) => Promise<Answer>) {
  for (let i = 0; i < max; i += 1) {
    const answer = await send(i);
    if (answer.status === 429) return { answer, before: i };
    expect(answer.status, answer.text.slice(0, 200)).toBeLessThan(500);
  }
  return { answer: undefined, before: max };
}

describe('sign-in brute force', () => {
  it('locks one account after a handful of wrong passwords, even for the right one, from a new address', async () => {
    const victim = await registerCustomer(base, 'brute');
    const email = victim.user.email;
    const { answer, before } = await untilLimited(20, (i) =>
      call(base, 'POST', '/api/auth/login', {
        body: { email, password: `wrong-${i}-guess` },
        from: randomAddress(),
      }),
    );
    expectLimited(answer, 'per account');
    expect(before).toBeLessThanOrEqual(10);
    const right = await call(base, 'POST', '/api/auth/login', {
      body: { email, password: SUITE_PASSWORD },
      from: randomAddress(),
    });
    expectLimited(right, 'right password while locked');
  });

  it('locks one client address after many failures spread over many accounts', async () => {
    const from = randomAddress();
    const { answer, before } = await untilLimited(120, (i) =>
      call(base, 'POST', '/api/auth/login', {
        body: { email: `nobody-${i}-${randomUUID().slice(0, 6)}@example.kz`, password: 'guess-guess-1' },
        from,
      }),
    );
    expectLimited(answer, 'per address');
    expect(before).toBeGreaterThanOrEqual(10);
    // Another address is not affected.
    const elsewhere = await call(base, 'POST', '/api/auth/login', {
      body: { email: 'nobody@example.kz', password: 'guess-guess-1' },
      from: randomAddress(),
    });
    expect(elsewhere.status).toBe(401);
  });
});

describe('business-flow abuse', () => {
  it('limits checkout attempts per customer', async () => {
    const buyer = await registerCustomer(base, 'checkout-rate');
    const { answer, before } = await untilLimited(200, () =>
      call(base, 'POST', '/api/checkout', {
        token: buyer.accessToken,
        headers: { 'idempotency-key': randomUUID() },
        body: { shippingAddressId: '01990000-0000-7000-8000-00000000dead', payment: { method: 'cod' } },
      }),
    );
    expectLimited(answer, 'checkout');
    expect(before).toBeGreaterThan(0);
    // The same customer still browses and reads their cart: only checkout is limited.
    expect((await call(base, 'GET', '/api/cart', { token: buyer.accessToken })).status).toBe(200);
  });

  it('limits promo and gift-card code guessing per caller, for a signed-in customer and a guest alike', async () => {
    const buyer = await registerCustomer(base, 'promo-guess');
    const guess = () => `GUESS-${randomUUID().slice(0, 8).toUpperCase()}`;
    const signedIn = await untilLimited(200, (i) =>
      call(base, 'POST', i % 2 ? '/api/cart/promo' : '/api/cart/gift-cards', {
        token: buyer.accessToken,
        body: { code: guess() },
      }),
    );
    expectLimited(signedIn.answer, 'codes, signed in');
    expect(Number(signedIn.answer?.headers.get('retry-after'))).toBeGreaterThan(60);

    const from = randomAddress();
    const guest = await untilLimited(200, () =>
      call(base, 'POST', '/api/cart/promo', { body: { code: guess() }, from }),
    );
    expectLimited(guest.answer, 'codes, guest');
    expect(guest.before).toBe(signedIn.before);
  });
});
