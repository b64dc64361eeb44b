/**
 * `createService()`: one call builds a Sauda service — Fastify 5 with TypeBox, logs with request and
 * trace ids, problem+json errors, OpenAPI, health, metrics, tracing, access control on every route.
 */
import { randomUUID } from 'node:crypto';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawServerDefault,
} from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { assertAccess, type Principal, type RouteAccess } from '../auth/access.ts';
import { processFaultSettings } from '../faults/config.ts';
import { gatewayFaults, installFaults, type FaultSource } from '../faults/inject-faults.ts';
import { InvalidToken, KeysUnavailable, type TokenVerifier } from '../auth/verifier.ts';
import { loggerOptions } from '../observability/logger.ts';
import { createMetrics, type ServiceMetrics } from '../observability/metrics.ts';
import {
  extractTraceContext,
  initTracing,
  tracer,
  type TraceExporterKind,
} from '../observability/tracing.ts';
import { kitErrors, UpstreamUnavailable, Unauthenticated, type ErrorCatalogue } from './errors.ts';
import { registerHealth, type ReadinessCheck } from './health.ts';
import { handleError, handleNotFound, Problem } from './problem.ts';
import { validatorCompiler } from './validation.ts';

/** The Fastify instance every service gets: TypeBox-typed routes. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface ServiceOptions {
  /** The service name: folder, package, process, OpenAPI document, event prefix. */
  name: string;
  version?: string;
  description?: string;
  /** The service's own error catalogue (the kit's errors are added). */
  errors?: ErrorCatalogue;
  logLevel?: string;
  logFormat?: 'json' | 'pretty';
  /** Verifies bearer tokens; required when any route is not public. */
  auth?: TokenVerifier;
  bodyLimit?: number;
  tracing?: { exporter: TraceExporterKind; otlpEndpoint?: string };
  /** Whose X-Forwarded-For to believe; by default only loopback and private networks (the gateway, ingress). */
  trustProxy?: boolean | string[];
  /** Replaces the generated OpenAPI document (the gateway serves the merged one of all services). */
  openApiDocument?: () => Record<string, unknown>;
  /**
   * Fault flags (ADR 0007): by default read from the gateway when the environment allows them (dev and test
   * runs only); a test passes its own source, `false` turns them off.
   */
  faults?: FaultSource | false;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route and whose data it touches; required on every route. */
    auth?: RouteAccess;
    /** Kit-internal routes (health, metrics, docs) skip the access declaration. */
    internal?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
    traceId?: string;
    span?: Span;
  }
  interface FastifyInstance {
    kit: {
      name: string;
      metrics: ServiceMetrics;
      readiness: Map<string, ReadinessCheck>;
      errors: ErrorCatalogue;
      /** Set while shutting down: readiness answers 503 so load balancers stop sending. */
      draining: boolean;
    };
  }
}

// A caller on the internet cannot spoof its IP (rate limits, audit) by sending X-Forwarded-For itself.
const TRUSTED_PROXIES = ['127.0.0.1', '::1', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'];

/** Builds the Fastify app of a service, not listening; add routes, then `listen` or `inject()`. */
export async function createService(options: ServiceOptions): Promise<App> {
  initTracing({
    serviceName: options.name,
    exporter: options.tracing?.exporter ?? 'none',
    ...(options.tracing?.otlpEndpoint ? { otlpEndpoint: options.tracing.otlpEndpoint } : {}),
  });
  const app = Fastify({
    logger: loggerOptions({
      service: options.name,
      level: options.logLevel ?? 'info',
      format: options.logFormat ?? 'json',
    }),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    // One line per request is written by the onResponse hook below, with the route and trace id.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'reqId' }),
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: options.trustProxy ?? TRUSTED_PROXIES,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Bad URLs and over-long path parameters are refused by the router: answer them as problems too.
    frameworkErrors: (error, request, reply) => {
      void handleError(error, request, reply);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const errors = [...kitErrors, ...(options.errors ?? [])];
  app.decorate('kit', {
    name: options.name,
    metrics: createMetrics(options.name),
    readiness: new Map(),
    errors,
    draining: false,
  });
  app.decorateRequest('principal', undefined);
  app.decorateRequest('traceId', undefined);
  app.decorateRequest('span', undefined);
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  app.addSchema(Problem);

  enforceAccessDeclarations(app, options.auth);
  instrument(app);
  const faults = options.faults ?? faultsFromEnvironment(app, options.name);
  if (faults) installFaults(app, faults);
  await registerOpenApi(app, options, errors);
  registerHealth(app);
  return app;
}

/** The gateway's flags for this service, when this process may have any (never the gateway's own). */
function faultsFromEnvironment(app: App, service: string): FaultSource | undefined {
  const settings = processFaultSettings();
  if (!settings.enabled || !settings.gatewayUrl || service === 'gateway') return undefined;
  return gatewayFaults({
    service,
    gatewayUrl: settings.gatewayUrl,
    pollMs: settings.pollMs,
    logger: app.log,
  });
}

/** Every route must declare `config.auth`; routes that need a caller get token verification. */
function enforceAccessDeclarations(app: App, verifier: TokenVerifier | undefined): void {
  app.addHook('onRoute', (route) => {
    // Kit routes and CORS preflights (OPTIONS carries no data) need no declaration.
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.config?.internal || route.url.startsWith('/docs') || methods.every((m) => m === 'OPTIONS'))
      return;
    const declared = route.config?.auth;
    if (!declared)
      throw new Error(
        `route ${methods.join(',')} ${route.url} does not declare config.auth (who may call it)`,
      );
    if (declared.access !== 'public' && !verifier)
      throw new Error(`route ${route.url} needs a token verifier`);
    const documented: Record<string, unknown> = {
      ...route.schema,
      ...(declared.access === 'public' ? {} : { security: [{ bearer: [] }] }),
      // Documented in OpenAPI so reviewers see the rule next to the route.
      'x-access': Array.isArray(declared.access) ? declared.access.join(', ') : declared.access,
      'x-owns': declared.owns,
    };
    route.schema = documented;
    const guard = async (request: FastifyRequest): Promise<void> => {
      request.principal = await readPrincipal(
        request.headers.authorization,
        verifier,
        declared.access !== 'public',
      );
      assertAccess(declared.access, request.principal);
    };
    // onRequest: the caller is checked before the body is even read, so strangers learn nothing of the schema.
    const existing = route.onRequest;
    route.onRequest = existing ? [guard, ...(Array.isArray(existing) ? existing : [existing])] : [guard];
  });
}

async function readPrincipal(
  header: string | undefined,
  verifier: TokenVerifier | undefined,
  required: boolean,
): Promise<Principal | undefined> {
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  if (!token || !verifier) return undefined;
  try {
    return await verifier.verify(token);
  } catch (error) {
    if (error instanceof KeysUnavailable) throw new UpstreamUnavailable('token keys are not available yet');
    if (error instanceof InvalidToken && !required) return undefined;
    throw new Unauthenticated('The access token is invalid or expired');
  }
}

/** Spans and RED metrics per route; request logs with trace ids. */
function instrument(app: App): void {
  const { httpDuration, httpRequests } = app.kit.metrics;
  app.addHook('onRequest', (request, reply, done) => {
    const parent = extractTraceContext(request.headers);
    const route = request.routeOptions.url ?? 'unmatched';
    const span = tracer('http').startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route } },
      parent,
    );
    request.span = span;
    request.traceId = span.spanContext().traceId;
    void reply.header('x-request-id', request.id);
    // Run the rest of the request inside the span's context so outgoing calls and logs join the trace.
    context.with(trace.setSpan(parent, span), done);
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status_code: String(reply.statusCode) };
    const seconds = reply.elapsedTime / 1000;
    httpDuration.observe(labels, seconds);
    httpRequests.inc(labels);
    request.span?.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) request.span?.setStatus({ code: SpanStatusCode.ERROR });
    request.span?.end();
    const quiet = route.startsWith('/health') || route === '/metrics';
    request.log[quiet ? 'debug' : 'info'](
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
    done();
  });
}

async function registerOpenApi(app: App, options: ServiceOptions, errors: ErrorCatalogue): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `Sauda ${options.name}`,
        version: options.version ?? '0.1.0',
        description: options.description ?? `The ${options.name} service.`,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      // The error catalogue, so clients and the docs-consistency test can see every code.
      ['x-error-codes' as 'tags']: errors.map((e) => ({
        name: e.code,
        description: `${e.status} ${e.title}`,
      })),
    },
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });
  const document = options.openApiDocument;
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    ...(document ? { transformSpecification: () => document() } : {}),
  });
  app.get('/openapi.json', { config: { internal: true }, schema: { hide: true } }, async () =>
    document ? document() : app.swagger(),
  );
}
