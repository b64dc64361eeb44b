/**
 * The gateway's answers as a browser and an attacker see them: security headers on every kind of answer, the
 * CSRF stance (docs/security.md: credentials travel only in the Authorization header; the one cookie is the
 * guest cart's, HttpOnly and SameSite=Lax; CORS admits configured origins only; JSON bodies only), and SSRF
 * probes (nothing a client sends makes the system fetch a URL).
 */
import { readFileSync } from 'node:fs';
import { demoVariantId } from '@sauda/contracts';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type {} from '../../apps/web/e2e/global-setup.ts';
import { call, logIn, registerCustomer, type Answer, type Session } from './api.ts';

const EVIL = 'https://evil.example';
const METADATA = 'http://169.254.169.254/latest/meta-data/';
let base = '';
let customer: Session;

beforeAll(async () => {
  base = inject('baseUrl');
  customer = await registerCustomer(base, 'surface');
});

function expectSecurityHeaders(answer: Answer, label: string): void {
  const h = answer.headers;
  expect(h.get('content-security-policy'), label).toMatch(/default-src 'self'/);
  expect(h.get('content-security-policy'), label).toMatch(/frame-ancestors 'none'/);
  expect(h.get('content-security-policy'), label).toMatch(/object-src 'none'/);
  expect(h.get('x-content-type-options'), label).toBe('nosniff');
  expect(h.get('x-frame-options'), label).toBe('DENY');
  expect(h.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin');
  expect(h.get('x-powered-by'), label).toBeNull();
  // Plain-http local runs send no HSTS (HSTS=true in TLS deployments; the gateway's unit test checks it).
  expect(h.get('strict-transport-security'), label).toBeNull();
}

describe('security headers', () => {
  it('are on the web app, API answers, problems, rate-limited answers and the docs', async () => {
    const cases: [string, Answer][] = [
      ['web app', await call(base, 'GET', '/')],
      ['catalog', await call(base, 'GET', '/api/products?limit=1')],
      ['signed-in read', await call(base, 'GET', '/api/me', { token: customer.accessToken })],
      ['401 problem', await call(base, 'GET', '/api/orders')],
      ['404 problem', await call(base, 'GET', '/api/no-such-thing')],
      ['400 problem', await call(base, 'POST', '/api/auth/login', { raw: '{"broken' })],
      ['docs', await call(base, 'GET', '/openapi.json')],
    ];
    for (const [label, answer] of cases) expectSecurityHeaders(answer, label);
  });
});

describe('CSRF stance', () => {
  it('authenticates by the Authorization header only: cookies alone are anonymous', async () => {
    const cookieOnly = await call(base, 'GET', '/api/orders', {
      headers: { cookie: `access_token=${customer.accessToken}; token=${customer.accessToken}` },
    });
    expect(cookieOnly.status).toBe(401);
  });

  it('issues no cookie at sign-in, and the guest cart cookie is HttpOnly and SameSite', async () => {
    const login = await call(base, 'POST', '/api/auth/login', {
      body: { email: 'customer@demo.sauda.kz', password: 'sauda-demo-2026' },
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toBeNull();
    const guest = await call(base, 'POST', '/api/cart/items', {
      body: { variantId: demoVariantId(1), quantity: 1 },
    });
    const cookie = guest.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=(Lax|Strict)/i);
  });

  it('a cross-site form post (no preflight) is refused before anything runs, even with a JSON-looking body', async () => {
    const json = JSON.stringify({ variantId: demoVariantId(1), quantity: 1 });
    for (const [type, raw] of [
      ['application/x-www-form-urlencoded', `variantId=${demoVariantId(1)}&quantity=1`],
      ['text/plain', json],
      ['multipart/form-data; boundary=x', json],
    ] as const) {
      const answer = await call(base, 'POST', '/api/cart/items', {
        raw,
        headers: { 'content-type': type, origin: EVIL },
      });
      // 415 for media types no route reads; text/plain is read as a string, which no object schema accepts.
      expect([400, 415], `${type}: ${answer.status}`).toContain(answer.status);
      expect(answer.headers.get('set-cookie'), type).toBeNull();
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('CORS admits no foreign origin, with or without credentials', async () => {
    const preflight = await fetch(`${base}/api/me`, {
      method: 'OPTIONS',
      headers: {
        origin: EVIL,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await call(base, 'GET', '/api/products?limit=1', { headers: { origin: EVIL } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('SSRF probes', () => {
  it('no request body takes a URL the server would fetch (the one URL field is a browser redirect target)', () => {
    const doc = readFileSync(new URL('../../contracts/openapi/sauda.json', import.meta.url), 'utf8');
    const parsed = JSON.parse(doc) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    const urlFields: string[] = [];
    for (const [path, item] of Object.entries(parsed.paths))
      for (const [method, op] of Object.entries(item)) {
        const body = JSON.stringify(op.requestBody ?? {});
        for (const match of body.matchAll(
          /"(\w*(?:url|uri|webhook|callback|endpoint|href|link|redirect)\w*)":\{/gi,
        ))
          urlFields.push(`${method.toUpperCase()} ${path} ${match[1]}`);
        if (/"format":"uri/.test(body)) urlFields.push(`${method.toUpperCase()} ${path} format:uri`);
      }
    // payment's returnUrl is where the browser returns after a 3-D Secure step: stored and sent to the
    // provider, never requested by us (docs/security.md).
    expect(urlFields).toEqual(['POST /api/payment/intents returnUrl']);
  });

  it('refuses image uploads by URL and URL fields on products, reviews and the profile', async () => {
    const seller = await logIn(base, 'seller@demo.sauda.kz');
    const list = await call(base, 'GET', '/api/seller/products?limit=1', { token: seller.accessToken });
    const product = list.json<{ items: { id: string }[] }>().items[0];
    if (!product) throw new Error('the demo seller has products');
    const upload = await call(base, 'POST', `/api/seller/products/${product.id}/images`, {
      token: seller.accessToken,
      body: { url: METADATA },
    });
    expect(upload.status).toBeGreaterThanOrEqual(400);
    expect(upload.status).toBeLessThan(500);
    for (const [method, path, token, body] of [
      ['PATCH', `/api/seller/products/${product.id}`, seller.accessToken, { imageUrl: METADATA }],
      ['PATCH', `/api/seller/products/${product.id}`, seller.accessToken, { images: [{ url: METADATA }] }],
      ['PATCH', '/api/me', customer.accessToken, { avatarUrl: METADATA }],
      ['POST', '/api/me/payment-methods', customer.accessToken, { token: 'x', webhookUrl: METADATA }],
    ] as const) {
      const answer = await call(base, method, path, { token, body });
      expect(answer.status, `${method} ${path} ${answer.text.slice(0, 200)}`).toBe(400);
    }
  });

  it('webhook targets are not settable through the API', async () => {
    const admin = await logIn(base, 'admin@demo.sauda.kz');
    const doc = JSON.parse(
      readFileSync(new URL('../../contracts/openapi/sauda.json', import.meta.url), 'utf8'),
    ) as {
      paths: Record<string, unknown>;
    };
    const settable = Object.keys(doc.paths).filter((path) => /webhook/i.test(path));
    // The only webhook paths are where providers and carriers call us (signed); none registers a target.
    expect(settable.sort()).toEqual([
      '/api/payment/webhooks/{provider}',
      '/api/shipping/carriers/{carrier}/webhook',
    ]);
    const probe = await call(base, 'POST', '/api/admin/webhooks', {
      token: admin.accessToken,
      body: { url: METADATA, events: ['*'] },
    });
    expect(probe.status).toBe(404);
  });
});
