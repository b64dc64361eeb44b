/**
 * OpenTelemetry tracing: one provider per process, W3C trace context over HTTP and event headers.
 * Spans always get ids (log lines carry them, headers pass them on); they are recorded and exported only
 * when an exporter is configured.
 */
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOffSampler,
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

/** The tracing fields of `baseConfig` (TRACE_EXPORTER, OTEL_EXPORTER_OTLP_ENDPOINT). */
export interface TracingConfig {
  TRACE_EXPORTER: 'none' | 'otlp' | 'console';
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
}

/** `createService`'s `tracing` option from a service's configuration. */
export function tracingOptions(config: TracingConfig): Omit<TracingOptions, 'serviceName'> {
  return {
    exporter: config.TRACE_EXPORTER,
    ...(config.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT } : {}),
  };
}

/** Starts the process's tracing from its configuration; call it first, before any span is made. */
export function initServiceTracing(serviceName: string, config: TracingConfig): void {
  initTracing({ serviceName, ...tracingOptions(config) });
}

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
      // Nothing exported: spans are not recorded, but each still gets its ids (logs, propagation) for free.
      ...(exporter ? {} : { sampler: new AlwaysOffSampler() }),
    });
    provider.register();
    state = { provider, ...(memory ? { memory } : {}) };
  }
  return state.memory ? { memoryExporter: state.memory } : {};
}

function makeExporter(options: TracingOptions): SpanExporter | undefined {
  switch (options.exporter) {
    case 'otlp':
      return new OTLPTraceExporter(
        options.otlpEndpoint ? { url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` } : {},
      );
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

/** The active trace context as a carrier to store beside work resumed later (a saga step, a retry). */
export function currentTraceCarrier(ctx: Context = context.active()): Record<string, string> | undefined {
  if (!trace.getSpan(ctx)) return undefined;
  const carrier = injectTraceHeaders({}, ctx);
  return Object.keys(carrier).length > 0 ? carrier : undefined;
}

/**
 * Runs `work` in a new span whose parent is the stored `carrier`, so work resumed later by a loop
 * continues the trace that scheduled it; without a carrier the span starts a trace of its own.
 */
export async function resumeTrace<T>(
  name: string,
  carrier: Record<string, string> | null | undefined,
  attributes: Record<string, string | number | boolean>,
  work: () => Promise<T>,
): Promise<T> {
  const parent = carrier ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT;
  return tracer('sauda').startActiveSpan(
    name,
    { kind: SpanKind.INTERNAL, attributes },
    parent,
    async (span) => {
      try {
        return await work();
      } catch (error) {
        span.recordException(error instanceof Error ? error : new Error(String(error)));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
