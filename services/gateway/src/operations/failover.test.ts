import { createServer } from 'node:net';
import { createService, type App } from '@sauda/kit';
import { createTestTokens, type TestTokens } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';

/** A port nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 9;
}

describe('the gateway in front of several replicas', () => {
  let tokens: TestTokens;
  let live: App;
  let gateway: App;
  let close: () => Promise<void>;
  const served: string[] = [];
  let writes = 0;
  let upstreams: Record<string, string>;

  beforeAll(async () => {
    tokens = await createTestTokens();
    live = await createService({ name: 'shop', logLevel: 'silent', auth: tokens.verifier });
    live.get('/products', { config: { auth: { access: 'public', owns: 'catalog' } } }, async () => {
      served.push('live');
      return { items: [], total: 0 };
    });
    live.post('/seller/products', { config: { auth: { access: 'public', owns: 'test' } } }, async () => {
      writes += 1;
      return {};
    });
    await live.listen({ port: 0, host: '127.0.0.1' });
    const address = live.server.address();
    const livePort = typeof address === 'object' && address ? address.port : 0;
    // The first replica is down: every read that lands on it must be retried on the live one.
    upstreams = { shop: `http://127.0.0.1:${await closedPort()},http://127.0.0.1:${livePort}` };
    ({ app: gateway, close } = await buildApp({
      config: readConfig({ LOG_LEVEL: 'silent', MICRO_CACHE_MB: '0' }),
      upstreams,
      verifier: tokens.verifier,
    }));
    await gateway.ready();
  });

  afterAll(async () => {
    await gateway.close();
    await close();
    await live.close();
    tokens.verifier.close();
  });

  it('answers every read, retrying on another replica when one refuses the connection', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i += 1)
      statuses.push((await gateway.inject({ url: `/api/products?i=${i}` })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    expect(served).toHaveLength(6);
  });

  it('never sends a write twice: a write whose replica refuses is answered 503, the next goes elsewhere', async () => {
    const { app: fresh, close: closeFresh } = await buildApp({
      config: readConfig({ LOG_LEVEL: 'silent', MICRO_CACHE_MB: '0' }),
      upstreams,
      verifier: tokens.verifier,
    });
    // Over a real socket: a write's body streams to the upstream, as it does in production.
    await fresh.listen({ port: 0, host: '127.0.0.1' });
    const address = fresh.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const token = await tokens.sign({ id: 'seller-1', roles: ['seller'] });
    const write = () =>
      fetch(`${url}/api/seller/products`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ n: 1 }),
      });
    const first = await write();
    const second = await write();
    expect([first.status, second.status]).toEqual([503, 200]);
    expect(((await first.json()) as { code: string }).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(writes).toBe(1);
    await fresh.close();
    await closeFresh();
  });
});
