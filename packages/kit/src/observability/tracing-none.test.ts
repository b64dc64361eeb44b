/** Without an exporter spans are not recorded, yet every one still has ids that logs and headers carry. */
import { trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { activeTraceIds, currentTraceCarrier, initTracing, resumeTrace, tracer } from './tracing.ts';

describe('tracing with no exporter', () => {
  it('gives spans ids and passes them on without recording them', async () => {
    initTracing({ serviceName: 'tracing-none-test', exporter: 'none' });
    const carrier = tracer().startActiveSpan('checkout', (span) => {
      expect(span.isRecording()).toBe(false);
      expect(activeTraceIds().traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(activeTraceIds().traceId).not.toBe('0'.repeat(32));
      const stored = currentTraceCarrier();
      span.end();
      return { stored, traceId: span.spanContext().traceId };
    });
    expect(carrier.stored?.['traceparent']).toContain(carrier.traceId);
    // Work resumed later from the stored carrier continues the same trace.
    const resumed = await resumeTrace(
      'saga place',
      carrier.stored,
      {},
      async () => trace.getActiveSpan()?.spanContext().traceId,
    );
    expect(resumed).toBe(carrier.traceId);
  });
});
