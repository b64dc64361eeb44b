/**
 * OpenTelemetry tracing: one provider per process, W3C trace context over HTTP and event headers.
 * Spans are always made (log lines carry trace ids); exporting them is off unless configured.
 */
import { context, propagation, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export type TraceExporterKind = 'none' | 'otlp' | 'console' | 'memory';

export interface TracingOptions {
  serviceName: string;
  exporter: TraceExporterKind;
  otlpEndpoint?: string;
}

interface TracingState {
  provider: NodeTracerProvider;
  memory?: InMemorySpanExporter;
}

let state: TracingState | undefined;

/** Registers the process-wide tracer provider once; later calls return the first one's state. */
export function initTracing(options: TracingOptions): { memoryExporter?: InMemorySpanExporter } {
  if (!state) {
    const processors: SpanProcessor[] = [];
    let memory: InMemorySpanExporter | undefined;
    const exporter = makeExporter(options);
    if (exporter instanceof InMemorySpanExporter) {
      memory = exporter;
      processors.push(new SimpleSpanProcessor(exporter));
    } else if (exporter) {
      processors.push(new BatchSpanProcessor(exporter));
    }
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ 'service.name': options.serviceName }),
      spanProcessors: processors,
    });
    provider.register();
    state = { provider, ...(memory ? { memory } : {}) };
  }
  return state.memory ? { memoryExporter: state.memory } : {};
}

function makeExporter(options: TracingOptions): SpanExporter | undefined {
  switch (options.exporter) {
    case 'otlp':
      return new OTLPTraceExporter(options.otlpEndpoint ? { url: `${options.otlpEndpoint}/v1/traces` } : {});
    case 'console':
      return new ConsoleSpanExporter();
    case 'memory':
      return new InMemorySpanExporter();
    case 'none':
      return undefined;
  }
}

/** Flushes buffered spans; part of graceful shutdown. */
export async function flushTracing(): Promise<void> {
  await state?.provider.forceFlush();
}

/** The tracer of a service (or of the kit). */
export function tracer(name = 'sauda'): Tracer {
  return trace.getTracer(name);
}

/** Writes the active trace context into a carrier (HTTP headers, event headers). */
export function injectTraceHeaders(
  carrier: Record<string, string>,
  ctx: Context = context.active(),
): Record<string, string> {
  propagation.inject(ctx, carrier);
  return carrier;
}

/** Reads a trace context from a carrier; the result is the parent of the spans started in it. */
export function extractTraceContext(carrier: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), carrier);
}

/** Trace and span ids of the active span, for log lines. */
export function activeTraceIds(): { traceId?: string; spanId?: string } {
  const span: Span | undefined = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}
