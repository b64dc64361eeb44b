import type { AddressInfo } from 'node:net';
import { createService, type App } from '@sauda/kit';
import { createTestTokens, type TestTokens } from '@sauda/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';

describe('the proxy passes cookies and server-sent events through untouched', () => {
  let tokens: TestTokens;
  let upstream: App;
  let gateway: App;
  let close: () => Promise<void>;
  let gatewayUrl: string;
  let release: () => void = () => undefined;

  beforeAll(async () => {
    tokens = await createTestTokens();
    upstream = await createService({ name: 'orders', logLevel: 'silent', auth: tokens.verifier });
    upstream.get(
      '/cart',
      { config: { auth: { access: 'public', owns: 'cart' } } },
      async (request, reply) => {
        void reply.header('set-cookie', 'sauda_cart=abc; Path=/; HttpOnly; SameSite=Lax');
        return { cookie: request.headers.cookie ?? null };
      },
    );
    upstream.get(
      '/orders/1/stream',
      { config: { auth: { access: 'authenticated', owns: 'own order' } } },
      async (_request, reply) => {
        reply.hijack();
        reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        reply.raw.write('event: order\ndata: {"status":"pending"}\n\n');
        // The second event only after the test saw the first: a buffering proxy would never show it.
        await new Promise<void>((resolve) => (release = resolve));
        reply.raw.end('event: order\ndata: {"status":"confirmed"}\n\n');
      },
    );
    await upstream.listen({ port: 0, host: '127.0.0.1' });
    const port = (upstream.server.address() as AddressInfo).port;
    ({ app: gateway, close } = await buildApp({
      config: readConfig({ LOG_LEVEL: 'silent', UPSTREAM_TIMEOUT_MS: '5000' }),
      upstreams: { orders: `http://127.0.0.1:${port}` },
      verifier: tokens.verifier,
    }));
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    gatewayUrl = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    release();
    await gateway.close();
    await close();
    await upstream.close();
    tokens.verifier.close();
  });

  it('forwards the Cookie header and answers the Set-Cookie of the service', async () => {
    const response = await fetch(`${gatewayUrl}/api/cart`, { headers: { cookie: 'sauda_cart=guest-token' } });
    expect(await response.json()).toEqual({ cookie: 'sauda_cart=guest-token' });
    expect(response.headers.get('set-cookie')).toBe('sauda_cart=abc; Path=/; HttpOnly; SameSite=Lax');
  });

  it('delivers each event as it is written, not when the stream ends', async () => {
    const token = await tokens.sign({ id: 'c1', roles: ['customer'] });
    const response = await fetch(`${gatewayUrl}/api/orders/1/stream`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let seen = '';
    while (!seen.includes('pending')) seen += decoder.decode((await reader.read()).value);
    expect(seen).not.toContain('confirmed');
    release();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      seen += decoder.decode(chunk.value);
    expect(seen).toContain('"status":"confirmed"');
  });
});
