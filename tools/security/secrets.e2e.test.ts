/**
 * No secrets or card numbers in logs, traces or answers: a checkout paid with a sandbox card runs through the
 * API, then every answer of the flow and every log file of the running system are searched for the card
 * number, its CVC, passwords, bearer and refresh tokens, the JWT signing key and the service client secrets.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, demoVariantId } from '@sauda/contracts';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type {} from '../../apps/web/e2e/global-setup.ts';
import { call, eventually, registerCustomer, SUITE_PASSWORD, type Answer, type Session } from './api.ts';

const PAN = '4242424242424242';
const CVC = '917';
const answers: string[] = [];
let base = '';
let buyer: Session;
let orderStatus = '';

/** Where a secret shows, in any of its usual spellings. */
function secretPatterns(): [string, RegExp][] {
  const spaced = PAN.replace(/(\d{4})(?=\d)/g, '$1 ');
  return [
    ['the card number', new RegExp(`${PAN}|${spaced}|${PAN.slice(0, 6)}\\d{6}${PAN.slice(-4)}`)],
    ['the CVC', new RegExp(`"?(cvc|cvv|cvc2|securityCode)"?\\s*[:=]\\s*"?${CVC}|"${CVC}"`, 'i')],
    ['a password', new RegExp(`${SUITE_PASSWORD.replace(/[!]/g, '\\!')}|${DEMO_PASSWORD}`)],
    ['a password field', /"password"\s*:\s*"[^"*[]/i],
  ];
}

function record(answer: Answer): Answer {
  answers.push(answer.text);
  return answer;
}

beforeAll(async () => {
  base = inject('baseUrl');
  buyer = await registerCustomer(base, 'secrets');
  const token = buyer.accessToken;
  const card = record(
    await call(base, 'POST', '/api/payment/tokens', {
      token,
      body: { card: { number: PAN, expMonth: 12, expYear: 2031, cvc: CVC } },
    }),
  );
  expect(card.status, card.text).toBe(201);
  // A wrong card and a malformed one, whose errors must not echo the number either.
  record(
    await call(base, 'POST', '/api/payment/tokens', {
      token,
      body: { card: { number: '4000000000000002', expMonth: 1, expYear: 2001, cvc: CVC } },
    }),
  );
  record(
    await call(base, 'POST', '/api/payment/tokens', {
      token,
      body: { card: { number: `${PAN}x`, expMonth: 12, expYear: 2031, cvc: CVC } },
    }),
  );
  const address = record(
    await call(base, 'POST', '/api/me/addresses', {
      token,
      body: {
        recipient: 'Secrets Suite',
        phone: '+77011234567',
        country: 'KZ',
        city: 'Almaty',
        street: 'Abay Ave 10',
        postalCode: '050000',
        lat: 43.24,
        lng: 76.9,
      },
    }),
  );
  record(
    await call(base, 'POST', '/api/cart/items', {
      token,
      body: { variantId: demoVariantId(1), quantity: 1 },
    }),
  );
  const placed = record(
    await call(base, 'POST', '/api/checkout', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        shippingAddressId: address.json<{ id: string }>().id,
        payment: { method: 'card', token: card.json<{ token: string }>().token },
      },
    }),
  );
  expect(placed.status, placed.text).toBe(202);
  const orderId = placed.json<{ order: { id: string } }>().order.id;
  await eventually(async () => {
    const order = record(await call(base, 'GET', `/api/orders/${orderId}`, { token }));
    orderStatus = order.json<{ status: string }>().status;
    return !['pending', 'awaiting_payment'].includes(orderStatus);
  }, 60_000);
  record(await call(base, 'GET', '/api/me/payment-methods', { token }));
  // A failed sign-in with the password in the body: its log line must not carry the body.
  record(
    await call(base, 'POST', '/api/auth/login', {
      body: { email: buyer.user.email, password: `${SUITE_PASSWORD}x` },
    }),
  );
  // Let the services flush their log lines of this flow.
  await new Promise((resolve) => setTimeout(resolve, 2000));
});

describe('secrets in answers', () => {
  it('the paid checkout went through', () => {
    expect(orderStatus).toBe('confirmed');
  });

  it('never shows the card number, CVC or a password in any answer of the flow', () => {
    const found = answers.flatMap((text, i) =>
      secretPatterns()
        .filter(([, pattern]) => pattern.test(text))
        .map(([what]) => `answer ${i} shows ${what}: ${text.slice(0, 160)}`),
    );
    expect(found).toEqual([]);
  });
});

describe('secrets in logs', () => {
  const dataDir = inject('dataDir');
  it.skipIf(!dataDir)('no log line carries the card, the CVC, a password, a token or a key', () => {
    const logsDir = join(dataDir, 'logs');
    const logs = readdirSync(logsDir).filter((name) => name.endsWith('.log'));
    expect(logs.length).toBeGreaterThanOrEqual(8);
    const keys = readdirSync(join(dataDir, 'keys')).map(
      (name) => (JSON.parse(readFileSync(join(dataDir, 'keys', name), 'utf8')) as { d: string }).d,
    );
    const patterns: [string, RegExp][] = [
      ...secretPatterns(),
      ['the access token', new RegExp(buyer.accessToken.split('.')[2] ?? 'no-token')],
      ['the refresh token', new RegExp(buyer.refreshToken.replace(/[^\w-]/g, '.'))],
      ['a bearer header', /bearer\s+ey[\w-]+\.ey/i],
      ['a JWT signing key', new RegExp(keys.map((d) => d.replace(/[^\w-]/g, '.')).join('|'))],
      ['a service client secret', /SERVICE_CLIENT_SECRETS?=|clientSecret"\s*:\s*"[^"*[]/],
      ...serviceSecrets(dataDir).map((secret): [string, RegExp] => [
        'a service client secret',
        new RegExp(secret),
      ]),
    ];
    const found: string[] = [];
    for (const name of logs) {
      const lines = readFileSync(join(logsDir, name), 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [what, pattern] of patterns)
          if (pattern.test(line)) found.push(`${name}:${i + 1} shows ${what}: ${line.slice(0, 200)}`);
      });
    }
    expect(found).toEqual([]);
  });
});

/** The services' client secrets, read from the processes the runner started (fresh random ones per run). */
function serviceSecrets(dataDir: string): string[] {
  try {
    const runner = JSON.parse(readFileSync(join(dataDir, 'runner.json'), 'utf8')) as {
      children: Record<string, { pid: number }>;
    };
    return Object.values(runner.children).flatMap(({ pid }) => {
      try {
        const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
        const secret = environ.find((entry) => entry.startsWith('SERVICE_CLIENT_SECRET='))?.split('=')[1];
        return secret && secret.length >= 16 ? [secret.replace(/[^\w-]/g, '.')] : [];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}
