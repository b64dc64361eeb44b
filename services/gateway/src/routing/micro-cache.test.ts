import { createService, type App } from '@sauda/kit';
import { createTestTokens, type TestTokens } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import type { FeedFollower } from '@sauda/kit';
import { createUpstreamPools, type UpstreamPool } from '../operations/upstream-pool.ts';
import { followCatalogPurges } from './catalog-purge.ts';
import { createMicroCache, sharedMaxAgeMs, type MicroCache } from './micro-cache.ts';

describe('which upstream answers the micro-cache may share', () => {
  it.each([
    [{ 'cache-control': 'public, max-age=1, s-maxage=2' }, 2000],
    [{ 'cache-control': 'public, max-age=60' }, 0],
    [{ 'cache-control': 'private, no-store' }, 0],
    [{ 'cache-control': 'public, s-maxage=5, no-cache' }, 0],
    [{ 'cache-control': 'public, s-maxage=5', 'set-cookie': 'sid=1' }, 0],
    [{ 'cache-control': 'public, s-maxage=5', vary: 'Accept-Language' }, 5000],
    [{ 'cache-control': 'public, s-maxage=5', vary: 'Authorization' }, 0],
    [{}, 0],
  ])('%j → %d ms', (headers, ms) => {
    expect(sharedMaxAgeMs(headers)).toBe(ms);
  });
});

describe('gateway micro-cache of anonymous public reads', () => {
  let tokens: TestTokens;
  let upstream: App;
  let gateway: App;
  let close: () => Promise<void>;
  let now = 1_000_000;
  const calls = new Map<string, number>();
  const count = (name: string) => calls.set(name, (calls.get(name) ?? 0) + 1).get(name) ?? 0;

  beforeAll(async () => {
    tokens = await createTestTokens();
    upstream = await createService({ name: 'shop', logLevel: 'silent', auth: tokens.verifier });
    const anyone = { config: { auth: { access: 'public', owns: 'catalog' } } } as const;
    upstream.get<{ Params: { id: string } }>('/products/:id', anyone, async (request, reply) => {
      const n = count(request.params.id);
      // A slow answer so that concurrent readers really overlap.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return reply
        .header('cache-control', 'public, max-age=1, s-maxage=1')
        .header('vary', 'Accept-Language')
        .header('etag', `"v${n}"`)
        .send({ id: request.params.id, n, language: request.headers['accept-language'] ?? null });
    });
    upstream.get('/categories', anyone, async (_request, reply) =>
      reply.header('cache-control', 'private, no-store').send({ n: count('categories') }),
    );
    await upstream.listen({ port: 0, host: '127.0.0.1' });
    const address = upstream.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    ({ app: gateway, close } = await buildApp({
      config: readConfig({ LOG_LEVEL: 'silent', UPSTREAM_TIMEOUT_MS: '2000' }),
      upstreams: { shop: `http://127.0.0.1:${port}` },
      verifier: tokens.verifier,
      microCache: createMicroCache({ maxBytes: 1024 * 1024, now: () => now }),
    }));
    await gateway.ready();
  });

  afterAll(async () => {
    await gateway.close();
    await close();
    await upstream.close();
    tokens.verifier.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => gateway.inject({ url, headers });

  it('serves a repeated anonymous read from memory until its s-maxage passes', async () => {
    const first = await get('/api/products/a');
    expect(first.headers['x-cache']).toBe('MISS');
    const second = await get('/api/products/a');
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.json()).toEqual(first.json());
    expect(second.headers['content-security-policy']).toBeDefined();
    expect(calls.get('a')).toBe(1);
    now += 1001;
    expect((await get('/api/products/a')).json()).toMatchObject({ n: 2 });
  });

  it('collapses concurrent misses of one key into one upstream request', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => get('/api/products/b')));
    expect(answers.every((a) => a.statusCode === 200 && a.json<{ n: number }>().n === 1)).toBe(true);
    expect(calls.get('b')).toBe(1);
  });

  it('never shares an answer with or for a reader who sends a token or a cookie', async () => {
    await get('/api/products/c');
    const token = await tokens.sign({ id: 'customer-1', roles: ['customer'] });
    const signedIn = await get('/api/products/c', { authorization: `Bearer ${token}` });
    expect(signedIn.headers['x-cache']).toBeUndefined();
    const withCookie = await get('/api/products/c', { cookie: 'refresh=1' });
    expect(withCookie.headers['x-cache']).toBeUndefined();
    expect(calls.get('c')).toBe(3);
  });

  it('keeps one copy per language, and answers 304 itself when the reader already has it', async () => {
    const en = await get('/api/products/d', { 'accept-language': 'en' });
    const ru = await get('/api/products/d', { 'accept-language': 'ru' });
    expect(ru.json()).toMatchObject({ language: 'ru' });
    expect(calls.get('d')).toBe(2);
    const again = await get('/api/products/d', {
      'accept-language': 'en',
      'if-none-match': String(en.headers.etag),
    });
    expect(again.statusCode).toBe(304);
    expect(calls.get('d')).toBe(2);
  });

  it('passes private answers straight through every time', async () => {
    await get('/api/categories');
    const second = await get('/api/categories');
    expect(second.json()).toEqual({ n: 2 });
    expect(second.headers['x-cache']).toBeUndefined();
  });
});

describe('the edge: pages kept long while the catalog change feed purges them (ADR 0009)', () => {
  let tokens: TestTokens;
  let upstream: App;
  let gateway: App;
  let close: () => Promise<void>;
  let purges: FeedFollower;
  let now = 5_000_000;
  let live = true;
  let pending: string[] = [];
  let version = 0;

  beforeAll(async () => {
    tokens = await createTestTokens();
    upstream = await createService({ name: 'shop', logLevel: 'silent', auth: tokens.verifier });
    const anyone = { config: { auth: { access: 'public', owns: 'catalog' } } } as const;
    upstream.get<{ Params: { id: string } }>('/products/:id', anyone, async (request, reply) =>
      reply
        .header('cache-control', 'public, max-age=1, s-maxage=1')
        .header('surrogate-control', 'max-age=300')
        .header('surrogate-key', `product:${request.params.id}`)
        .send({ id: request.params.id, version }),
    );
    upstream.get('/.well-known/catalog-changes.json', anyone, async () => {
      const products = pending;
      pending = [];
      return { cursor: `1.${Date.now()}`, all: false, products };
    });
    await upstream.listen({ port: 0, host: '127.0.0.1' });
    const address = upstream.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const holder: { cache?: MicroCache } = {};
    purges = followCatalogPurges(
      createUpstreamPools({ shop: base }).get('shop') as UpstreamPool,
      () => holder.cache,
      60_000,
    );
    holder.cache = createMicroCache({
      maxBytes: 1024 * 1024,
      now: () => now,
      edge: { live: () => live && purges.fresh(60_000), refillGraceMs: 2_000 },
    });
    ({ app: gateway, close } = await buildApp({
      config: readConfig({ LOG_LEVEL: 'silent', UPSTREAM_TIMEOUT_MS: '2000', EDGE_PURGE_POLL_MS: '0' }),
      upstreams: { shop: base },
      verifier: tokens.verifier,
      microCache: holder.cache,
    }));
    await gateway.ready();
    await purges.poll();
  });

  afterAll(async () => {
    purges.stop();
    await gateway.close();
    await close();
    await upstream.close();
    tokens.verifier.close();
  });

  const page = async (id: string) => {
    const response = await gateway.inject({ url: `/api/products/${id}` });
    expect(response.headers['surrogate-control']).toBeUndefined();
    expect(response.headers['surrogate-key']).toBeUndefined();
    return { cache: response.headers['x-cache'], version: response.json<{ version: number }>().version };
  };

  it('keeps a tagged page past its s-maxage, and drops it when the feed names its product', async () => {
    expect(await page('p1')).toEqual({ cache: 'MISS', version: 0 });
    now += 60_000;
    expect(await page('p1')).toEqual({ cache: 'HIT', version: 0 });
    version = 1;
    pending = ['p1'];
    await purges.poll();
    expect(await page('p1')).toEqual({ cache: 'MISS', version: 1 });
  });

  it('keeps a refill right after a purge only its s-maxage (a shop replica may not have polled yet)', async () => {
    now += 500;
    expect(await page('p1')).toEqual({ cache: 'HIT', version: 1 });
    now += 1_001;
    expect((await page('p1')).cache).toBe('MISS');
    now += 3_000;
    expect((await page('p1')).cache).toBe('MISS');
    now += 60_000;
    expect((await page('p1')).cache).toBe('HIT');
  });

  it('keeps nothing beyond its s-maxage while the feed cannot be read', async () => {
    expect((await page('p2')).cache).toBe('MISS');
    now += 30_000;
    expect((await page('p2')).cache).toBe('HIT');
    // The feed goes silent: a page stored long is now only as good as its s-maxage.
    live = false;
    expect((await page('p2')).cache).toBe('MISS');
    now += 1_001;
    expect((await page('p2')).cache).toBe('MISS');
    live = true;
  });
});
