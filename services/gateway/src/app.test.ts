import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService, type App } from '@sauda/kit';
import { createTestTokens, type TestTokens } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

describe('gateway', () => {
  let tokens: TestTokens;
  let upstream: App;
  let gateway: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    tokens = await createTestTokens();
    upstream = await createService({ name: 'shop', logLevel: 'silent', auth: tokens.verifier });
    upstream.get(
      '/products',
      { config: { auth: { access: 'public', owns: 'catalog' } } },
      async (request) => ({
        items: [],
        total: 0,
        facets: {},
        seen: {
          url: request.url,
          traceparent: request.headers.traceparent ?? null,
          requestId: request.headers['x-request-id'],
        },
      }),
    );
    upstream.post(
      '/seller/products',
      { config: { auth: { access: ['seller'], owns: 'own products' } } },
      async (request, reply) => reply.status(201).send({ body: request.body, owner: request.principal?.id }),
    );
    await upstream.listen({ port: 0, host: '127.0.0.1' });
    const address = upstream.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;

    const dist = await mkdtemp(join(tmpdir(), 'sauda-web-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Sauda</title>');
    await writeFile(join(dist, 'assets', 'app-123.js'), 'console.log(1)');

    ({ app: gateway, close } = await buildApp({
      config: readConfig({
        LOG_LEVEL: 'silent',
        CORS_ORIGINS: 'http://localhost:5173',
        HSTS: 'true',
        AUTH_RATE_LIMIT_PER_MINUTE: '3',
        UPSTREAM_TIMEOUT_MS: '2000',
        WEB_DIST: dist,
      }),
      // users points at a closed port: the gateway must answer for it without hanging.
      upstreams: { shop: `http://127.0.0.1:${port}`, users: 'http://127.0.0.1:9' },
      verifier: tokens.verifier,
    }));
    await gateway.ready();
  });

  afterAll(async () => {
    await gateway.close();
    await close();
    await upstream.close();
    tokens.verifier.close();
  });

  it('forwards /api/products to shop with the query, a request id and trace context', async () => {
    const response = await gateway.inject({ url: '/api/products?q=phone&limit=5' });
    expect(response.statusCode).toBe(200);
    const { seen } = response.json<{
      seen: { url: string; traceparent: string | null; requestId: string };
    }>();
    expect(seen.url).toBe('/products?q=phone&limit=5');
    expect(seen.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    expect(seen.requestId).toBe(response.headers['x-request-id']);
  });

  it('streams JSON bodies through and keeps the caller token for the service to check', async () => {
    const token = await tokens.sign({ id: 'seller-1', roles: ['seller'] });
    const response = await gateway.inject({
      method: 'POST',
      url: '/api/seller/products',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: { title: 'Kese' },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ body: { title: 'Kese' }, owner: 'seller-1' });
  });

  it('refuses a body declared larger than services accept with 413 BODY_TOO_LARGE, before it streams', async () => {
    const response = await gateway.inject({
      method: 'POST',
      url: '/api/seller/products',
      headers: {
        authorization: `Bearer ${await tokens.sign({ id: 'seller-1', roles: ['seller'] })}`,
        'content-type': 'application/json',
      },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
  });

  it('refuses anonymous calls to signed-in areas before they leave the gateway', async () => {
    const response = await gateway.inject({ method: 'POST', url: '/api/seller/products', payload: {} });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers 503 UPSTREAM_UNAVAILABLE when the owning service is down', async () => {
    const response = await gateway.inject({ url: '/api/sellers/x' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', service: 'users' });
  });

  it('answers 404 ROUTE_NOT_FOUND for unknown API paths and services not deployed', async () => {
    expect((await gateway.inject({ url: '/api/nothing-here' })).json()).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
    });
    expect((await gateway.inject({ url: '/api/tracking/SD123456785KZ' })).json()).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
    });
  });

  it('sends CSP, HSTS, no-sniff and frame-deny headers', async () => {
    const response = await gateway.inject({ url: '/' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['strict-transport-security']).toContain('max-age=31536000');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('allows CORS only from configured origins', async () => {
    const allowed = await gateway.inject({
      url: '/api/products',
      headers: { origin: 'http://localhost:5173' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const other = await gateway.inject({ url: '/api/products', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the web app with a single-page fallback but a real 404 for missing assets', async () => {
    const page = await gateway.inject({ url: '/products/some-slug' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Sauda</title>');
    const asset = await gateway.inject({ url: '/assets/app-123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await gateway.inject({ url: '/assets/gone-999.js' })).statusCode).toBe(404);
  });

  it('merges the services OpenAPI documents under their public paths', async () => {
    const doc = (await gateway.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, unknown>;
      info: { description: string };
    }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/products', '/api/health']));
    expect(doc.info.description).toContain('users');
  });

  it('reports every service in the aggregated health', async () => {
    const health = (await gateway.inject({ url: '/api/health' })).json<{
      status: string;
      services: Array<{ service: string; status: string }>;
    }>();
    expect(health.status).toBe('degraded');
    expect(health.services).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: 'shop', status: 'ready' }),
        expect.objectContaining({ service: 'users', status: 'down' }),
      ]),
    );
  });

  it('rate-limits credential endpoints per IP with a RATE_LIMITED problem', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await gateway.inject({ url: '/api/auth/sessions', remoteAddress: '10.9.9.9' });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json()).toMatchObject({ code: 'RATE_LIMITED' });
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  });
});
