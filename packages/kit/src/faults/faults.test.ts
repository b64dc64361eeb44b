import Fastify from 'fastify';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config.ts';
import { createService, type App } from '../http/service.ts';
import { faultSettings } from './config.ts';
import { NO_FAULTS, type FaultFlags } from './flags.ts';
import { fixedFaults, gatewayFaults } from './inject-faults.ts';

async function widgetService(faults: ReturnType<typeof fixedFaults>): Promise<App> {
  const app = await createService({ name: 'widgets', logLevel: 'silent', faults });
  app.get('/widgets', { config: { auth: { access: 'public', owns: 'nothing private' } } }, async () => ({
    items: [],
  }));
  return app;
}

describe('fault flags in a service', () => {
  const faults = fixedFaults();
  let app: App;

  beforeAll(async () => {
    app = await widgetService(faults);
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());

  it('with no flag on, requests are served as usual', async () => {
    faults.set(NO_FAULTS);
    const answer = await app.inject({ method: 'GET', url: '/widgets' });
    expect(answer.statusCode).toBe(200);
  });

  it('with failPercent 100, every request is a 503 FAULT_INJECTED problem, but health still answers', async () => {
    faults.set({ ...NO_FAULTS, failPercent: 100 });
    const answer = await app.inject({ method: 'GET', url: '/widgets' });
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.json()).toMatchObject({ code: 'FAULT_INJECTED', status: 503 });
    expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
  });

  it('with failPercent 50, some requests fail and some pass', async () => {
    faults.set({ ...NO_FAULTS, failPercent: 50 });
    const codes = new Set<number>();
    for (let i = 0; i < 200 && codes.size < 2; i += 1)
      codes.add((await app.inject({ method: 'GET', url: '/widgets' })).statusCode);
    expect([...codes].sort()).toEqual([200, 503]);
  });

  it('with latency, the answer comes no sooner than the delay', async () => {
    faults.set({ ...NO_FAULTS, latencyMs: 60 });
    const since = performance.now();
    const answer = await app.inject({ method: 'GET', url: '/widgets' });
    expect(answer.statusCode).toBe(200);
    expect(performance.now() - since).toBeGreaterThanOrEqual(55);
  });

  it('when unreachable, connections drop unanswered while health still answers', async () => {
    faults.set({ ...NO_FAULTS, unreachable: true });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    await expect(request(`${base}/widgets`)).rejects.toThrow();
    expect((await request(`${base}/health/live`)).statusCode).toBe(200);
    faults.set(NO_FAULTS);
    expect((await request(`${base}/widgets`)).statusCode).toBe(200);
  });
});

describe('reading the flags from the gateway', () => {
  const gateway = Fastify();
  let served: { version: number; flags: FaultFlags } = { version: 0, flags: NO_FAULTS };
  const seen: Array<{ service: string; instance?: string; version?: string }> = [];

  beforeAll(async () => {
    gateway.get<{ Params: { service: string }; Querystring: { instance?: string; version?: string } }>(
      '/internal/faults/:service',
      async (req) => {
        seen.push({ service: req.params.service, ...req.query });
        return { service: req.params.service, ...served };
      },
    );
    await gateway.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => gateway.close());

  it('follows what the gateway says and reports the version it applies', async () => {
    const port = (gateway.server.address() as { port: number }).port;
    const source = gatewayFaults({ service: 'stock', gatewayUrl: `http://127.0.0.1:${port}`, pollMs: 100 });
    source.start();
    try {
      served = { version: 3, flags: { failPercent: 25, latencyMs: 0, unreachable: false } };
      await expect.poll(() => source.current().failPercent, { timeout: 5000 }).toBe(25);
      await expect.poll(() => seen.at(-1)?.version, { timeout: 5000 }).toBe('3');
      expect(seen.at(-1)?.service).toBe('stock');
      expect(seen.at(-1)?.instance).toMatch(/\/\d+$/);
      served = { version: 4, flags: NO_FAULTS };
      await expect.poll(() => source.current().failPercent, { timeout: 5000 }).toBe(0);
    } finally {
      source.stop();
    }
  });

  it('when the gateway is gone for long, a service is not left failing', async () => {
    const lonely = Fastify();
    lonely.get('/internal/faults/:service', async () => ({
      service: 'stock',
      version: 1,
      flags: { ...NO_FAULTS, failPercent: 100 },
    }));
    await lonely.listen({ port: 0, host: '127.0.0.1' });
    let clock = 0;
    const source = gatewayFaults({
      service: 'stock',
      gatewayUrl: `http://127.0.0.1:${(lonely.server.address() as { port: number }).port}`,
      pollMs: 100,
      now: () => clock,
    });
    source.start();
    try {
      await expect.poll(() => source.current().failPercent, { timeout: 5000 }).toBe(100);
      await lonely.close();
      clock = 10_000; // a short outage of the gateway keeps the flags
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(source.current().failPercent).toBe(100);
      clock = 60_000;
      await expect.poll(() => source.current(), { timeout: 5000 }).toEqual(NO_FAULTS);
    } finally {
      source.stop();
    }
  });
});

describe('where fault flags may run', () => {
  it('are on in embedded dev and test runs by default', () => {
    expect(faultSettings({ GATEWAY_URL: 'http://127.0.0.1:8080/' })).toEqual({
      enabled: true,
      pollMs: 1000,
      gatewayUrl: 'http://127.0.0.1:8080',
    });
    expect(faultSettings({ SAUDA_MODE: 'embedded', NODE_ENV: 'test' }).enabled).toBe(true);
  });

  it('are off in cluster mode and in production builds', () => {
    expect(faultSettings({ SAUDA_MODE: 'cluster' }).enabled).toBe(false);
    expect(faultSettings({ SAUDA_MODE: 'embedded', NODE_ENV: 'production' }).enabled).toBe(false);
  });

  it('can be switched off in dev', () => {
    expect(faultSettings({ FAULT_FLAGS: 'off' }).enabled).toBe(false);
  });

  it('asking for them in production refuses to start', () => {
    expect(() => faultSettings({ SAUDA_MODE: 'cluster', FAULT_FLAGS: 'on' })).toThrow(ConfigError);
    expect(() => faultSettings({ NODE_ENV: 'production', FAULT_FLAGS: 'on' })).toThrow(/dev and test/);
  });
});
