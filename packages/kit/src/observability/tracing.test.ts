import { trace } from '@opentelemetry/api';
import type { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../client/http-client.ts';
import { createService, type App } from '../http/service.ts';
import { currentTraceCarrier, initTracing, resumeTrace, tracingOptions } from './tracing.ts';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const traceparent = `00-${TRACE_ID}-b7ad6b7169203331-01`;

function baseUrl(server: App): string {
  const address = server.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('tracing across HTTP', () => {
  let memory: InMemorySpanExporter;
  let upstream: App;
  let app: App;
  let client: HttpClient;

  beforeAll(async () => {
    const init = initTracing({ serviceName: 'tracing-test', exporter: 'memory' });
    if (!init.memoryExporter) throw new Error('the memory exporter was not installed');
    memory = init.memoryExporter;
    upstream = await createService({ name: 'upstream', logLevel: 'silent' });
    upstream.get('/echo', { config: { auth: { access: 'public', owns: 'nothing' } } }, async (request) => ({
      traceparent: request.headers.traceparent ?? null,
    }));
    await upstream.listen({ port: 0, host: '127.0.0.1' });
    client = createHttpClient({ service: 'upstream', baseUrl: baseUrl(upstream) });

    app = await createService({ name: 'caller', logLevel: 'silent', bodyLimit: 1_048_576 });
    app.post(
      '/orders',
      {
        config: { auth: { access: 'public', owns: 'nothing' } },
        schema: { body: Type.Object({ note: Type.String() }) },
      },
      async () => {
        // The body was read from the socket after onRequest: the handler must still run in the span.
        const active = trace.getActiveSpan()?.spanContext();
        const answer = await client.get<{ traceparent: string | null }>('/echo');
        return { active: active ?? null, upstream: answer.traceparent, carrier: currentTraceCarrier() };
      },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await client.close();
    await app.close();
    await upstream.close();
  });

  beforeEach(() => memory.reset());

  it('runs a handler with a body inside the server span that continues the caller’s trace', async () => {
    // Over a real socket, with a body large enough to arrive in several chunks.
    const response = await fetch(`${baseUrl(app)}/orders`, {
      method: 'POST',
      headers: { traceparent, 'content-type': 'application/json' },
      body: JSON.stringify({ note: 'x'.repeat(256 * 1024) }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      active: { traceId: string; spanId: string } | null;
      upstream: string | null;
      carrier: Record<string, string> | undefined;
    };
    expect(body.active?.traceId).toBe(TRACE_ID);
    // The outgoing call carries the same trace, and the server span of the upstream is its child.
    expect(body.upstream).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    expect(body.carrier?.traceparent).toContain(TRACE_ID);
    const spans = memory.getFinishedSpans();
    const server = spans.find((s) => s.name === 'POST /orders');
    const echo = spans.find((s) => s.name === 'GET /echo');
    expect(server?.spanContext().traceId).toBe(TRACE_ID);
    expect(echo?.spanContext().traceId).toBe(TRACE_ID);
    expect(echo?.parentSpanContext?.spanId).toBe(body.upstream?.split('-')[2]);
  });

  it('resumes a stored trace context in a later span, or starts a new trace without one', async () => {
    const resumed = await resumeTrace('saga authorize', { traceparent }, { step: 'authorize' }, async () =>
      trace.getActiveSpan()?.spanContext(),
    );
    expect(resumed?.traceId).toBe(TRACE_ID);
    const fresh = await resumeTrace('saga sweep', undefined, {}, async () =>
      trace.getActiveSpan()?.spanContext(),
    );
    expect(fresh?.traceId).not.toBe(TRACE_ID);
    const [span] = memory.getFinishedSpans().filter((s) => s.name === 'saga authorize');
    expect(span?.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(span?.attributes['step']).toBe('authorize');
  });

  it('reads the exporter from configuration', () => {
    expect(tracingOptions({ TRACE_EXPORTER: 'none' })).toEqual({ exporter: 'none' });
    expect(
      tracingOptions({ TRACE_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }),
    ).toEqual({ exporter: 'otlp', otlpEndpoint: 'http://collector:4318' });
  });
});
