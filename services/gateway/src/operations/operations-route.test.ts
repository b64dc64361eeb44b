import type { OperationsReport } from '@sauda/contracts';
import { createService, type App } from '@sauda/kit';
import { createTestTokens, type TestTokens } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';

describe('GET /api/admin/operations', () => {
  let tokens: TestTokens;
  let replicas: App[];
  let gateway: App;
  let close: () => Promise<void>;
  let urls: string[];

  beforeAll(async () => {
    tokens = await createTestTokens();
    replicas = await Promise.all(
      [1, 2].map(async () => {
        const shop = await createService({ name: 'shop', logLevel: 'silent', auth: tokens.verifier });
        shop.get('/products', { config: { auth: { access: 'public', owns: 'catalog' } } }, async () => ({
          items: [],
        }));
        await shop.listen({ port: 0, host: '127.0.0.1' });
        return shop;
      }),
    );
    urls = replicas.map((r) => {
      const address = r.server.address();
      return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    ({ app: gateway, close } = await buildApp({
      config: readConfig({ LOG_LEVEL: 'silent' }),
      // users points at a closed port: it shows as down, and the others still answer.
      upstreams: { shop: urls.join(','), users: 'http://127.0.0.1:9' },
      verifier: tokens.verifier,
    }));
    await gateway.ready();
  });

  afterAll(async () => {
    await gateway.close();
    await close();
    await Promise.all(replicas.map((r) => r.close()));
    tokens.verifier.close();
  });

  const asAdmin = async () => ({
    authorization: `Bearer ${await tokens.sign({ id: 'admin-1', roles: ['admin'] })}`,
  });

  it('shows every replica, the request rate between two scrapes, and a service that is down', async () => {
    const first = await gateway.inject({ url: '/api/admin/operations', headers: await asAdmin() });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const shopBefore = first.json<OperationsReport>().services.find((s) => s.service === 'shop');
    expect(shopBefore).toMatchObject({ instances: 2, instancesReady: 2, health: 'ready' });
    expect(shopBefore?.replicas.map((r) => r.url).sort()).toEqual([...urls].sort());

    for (const url of urls) for (let i = 0; i < 10; i += 1) await fetch(`${url}/products`);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = (
      await gateway.inject({ url: '/api/admin/operations', headers: await asAdmin() })
    ).json<OperationsReport>();
    const shop = second.services.find((s) => s.service === 'shop');
    expect(shop?.requestsPerSecond).toBeGreaterThan(0);
    expect(shop?.p99Ms).not.toBeNull();
    expect(shop?.errorRate).toBe(0);
    expect(shop?.replicas.every((r) => (r.requestsPerSecond ?? 0) > 0)).toBe(true);
    expect(shop?.history.length).toBeGreaterThanOrEqual(1);
    expect(second.services.find((s) => s.service === 'users')).toMatchObject({
      health: 'down',
      instancesReady: 0,
      requestsPerSecond: null,
    });
  });

  it('is for admin and support only', async () => {
    const anonymous = await gateway.inject({ url: '/api/admin/operations' });
    expect(anonymous.statusCode).toBe(401);
    const customer = await gateway.inject({
      url: '/api/admin/operations',
      headers: { authorization: `Bearer ${await tokens.sign({ id: 'c-1', roles: ['customer'] })}` },
    });
    expect(customer.statusCode).toBe(403);
    const support = await gateway.inject({
      url: '/api/admin/operations',
      headers: { authorization: `Bearer ${await tokens.sign({ id: 's-1', roles: ['support'] })}` },
    });
    expect(support.statusCode).toBe(200);
  });
});
