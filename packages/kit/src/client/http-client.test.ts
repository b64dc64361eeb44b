import { createServer, type IncomingMessage, type Server } from 'node:http';
import { context, trace } from '@opentelemetry/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamUnavailable } from '../http/errors.ts';
import { initTracing, tracer } from '../observability/tracing.ts';
import { createHttpClient, UpstreamProblem } from './http-client.ts';

type Handler = (request: IncomingMessage, body: string) => { status: number; body?: unknown };

describe('createHttpClient', () => {
  let server: Server;
  let baseUrl: string;
  let handler: Handler = () => ({ status: 200, body: {} });
  const seen: Array<{ method?: string; headers: IncomingMessage['headers']; body: string }> = [];

  beforeAll(async () => {
    initTracing({ serviceName: 'client-test', exporter: 'none' });
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method, headers: request.headers, body });
        const answer = handler(request, body);
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterEach(() => {
    seen.length = 0;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('retries an idempotent GET after a 503 and returns the answer', async () => {
    let calls = 0;
    handler = () => (++calls === 1 ? { status: 503 } : { status: 200, body: { ok: true } });
    const client = createHttpClient({ service: 'shop', baseUrl });
    await expect(client.get('/x')).resolves.toEqual({ ok: true });
    expect(calls).toBe(2);
    await client.close();
  });

  it('never retries a POST without an Idempotency-Key', async () => {
    let calls = 0;
    handler = () => (++calls, { status: 503 });
    const client = createHttpClient({ service: 'payment', baseUrl });
    await expect(client.post('/charge', { amount: 1 })).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(calls).toBe(1);
    await client.close();
  });

  it('retries a POST that carries an Idempotency-Key and forwards the key', async () => {
    let calls = 0;
    handler = () => (++calls === 1 ? { status: 502 } : { status: 201, body: { id: 'p1' } });
    const client = createHttpClient({ service: 'payment', baseUrl });
    await expect(client.post('/charge', { amount: 1 }, { idempotencyKey: 'order-42' })).resolves.toEqual({
      id: 'p1',
    });
    expect(calls).toBe(2);
    expect(seen.every((s) => s.headers['idempotency-key'] === 'order-42')).toBe(true);
    await client.close();
  });

  it('surfaces a 4xx problem as UpstreamProblem with its code, without retrying', async () => {
    let calls = 0;
    handler = () => (
      ++calls,
      { status: 409, body: { code: 'STOCK_INSUFFICIENT', title: 'Not enough stock' } }
    );
    const client = createHttpClient({ service: 'stock', baseUrl });
    const error = await client.get('/reserve').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamProblem);
    expect((error as UpstreamProblem).problem.code).toBe('STOCK_INSUFFICIENT');
    expect(calls).toBe(1);
    await client.close();
  });

  it('opens the circuit after consecutive failures and stops calling the service', async () => {
    let calls = 0;
    handler = () => (++calls, { status: 503 });
    const client = createHttpClient({
      service: 'shop',
      baseUrl,
      retries: 0,
      breaker: { failures: 3, halfOpenAfterMs: 60_000 },
    });
    for (let i = 0; i < 5; i += 1) await expect(client.get('/x')).rejects.toBeInstanceOf(UpstreamUnavailable);
    expect(calls).toBe(3);
    await client.close();
  });

  it('propagates W3C trace context and the bearer token', async () => {
    handler = () => ({ status: 200, body: {} });
    const client = createHttpClient({ service: 'shop', baseUrl });
    const span = tracer('test').startSpan('parent');
    await context.with(trace.setSpan(context.active(), span), () => client.get('/x', { token: 'abc' }));
    span.end();
    expect(seen[0]?.headers.traceparent).toContain(span.spanContext().traceId);
    expect(seen[0]?.headers.authorization).toBe('Bearer abc');
    await client.close();
  });

  it('gives up on a slow service after the timeout', async () => {
    handler = () => ({ status: 200, body: {} });
    const slow = createServer(() => undefined);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const address = slow.address();
    const client = createHttpClient({
      service: 'slow',
      baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      timeoutMs: 100,
      retries: 0,
    });
    await expect(client.get('/x')).rejects.toBeInstanceOf(UpstreamUnavailable);
    await client.close();
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  });
});
