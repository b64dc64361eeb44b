/**
 * The `/api/*` proxy: resolves the owning service, checks the token where the prefix needs one,
 * and streams the request through with trace context and request id.
 */
import replyFrom from '@fastify/reply-from';
import {
  BodyTooLarge,
  injectTraceHeaders,
  problemOf,
  PROBLEM_CONTENT_TYPE,
  RouteNotFound,
  Unauthenticated,
  UpstreamUnavailable,
  type App,
  type TokenVerifier,
} from '@sauda/kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { failoverTarget, type UpstreamPool } from '../operations/upstream-pool.ts';
import { SURROGATE_HEADERS, type MicroCache, type UpstreamAnswer } from './micro-cache.ts';
import { resolveRoute, type RouteEntry } from './route-table.ts';

type FromOptions = Parameters<FastifyReply['from']>[1];

export interface ProxyOptions {
  upstreams: Record<string, string>;
  /** The replicas of each service (absent: one upstream each, from `upstreams`). */
  pools?: ReadonlyMap<string, UpstreamPool>;
  verifier: TokenVerifier;
  timeoutMs: number;
  /** Shares anonymous public GET answers the services mark `s-maxage` (absent: every request goes through). */
  microCache?: MicroCache;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The route-table entry of an `/api` request, set before rate limiting. */
    apiRoute?: RouteEntry;
  }
}

/** Registers the proxy under `/api`. Bodies stream through unparsed; the owning service validates them. */
export async function registerProxy(app: App, options: ProxyOptions): Promise<void> {
  await app.register(async (scope: FastifyInstance) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    await scope.register(replyFrom, {
      undici: {
        connections: 128,
        pipelining: 1,
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      },
      retryMethods: ['GET', 'HEAD', 'OPTIONS'],
      // The kit writes one line per request already.
      disableRequestLogging: true,
    });
    scope.all(
      '/api/*',
      {
        config: {
          auth: {
            access: 'public',
            owns: 'forwarded to the owning service, which checks roles and ownership',
          },
        },
        schema: { hide: true },
      },
      (request, reply) => forward(request, reply, options),
    );
  });
}

async function forward(
  request: FastifyRequest,
  reply: FastifyReply,
  options: ProxyOptions,
): Promise<FastifyReply> {
  const resolved = resolveRoute(request.url);
  const pool = resolved ? options.pools?.get(resolved.route.service) : undefined;
  const base = resolved ? (pool?.pick() ?? options.upstreams[resolved.route.service]) : undefined;
  if (!resolved || !base) {
    return sendProblem(
      reply,
      request,
      problemOf(RouteNotFound, `${request.method} ${request.url.split('?')[0]} does not exist`),
    );
  }
  if (declaredLengthTooLarge(request)) {
    return sendProblem(reply, request, problemOf(BodyTooLarge));
  }
  if (resolved.route.signedIn) {
    const token = request.headers.authorization?.startsWith('Bearer ')
      ? request.headers.authorization.slice(7)
      : '';
    const valid = token
      ? await options.verifier.verify(token).then(
          () => true,
          () => false,
        )
      : false;
    if (!valid)
      return sendProblem(
        reply,
        request,
        problemOf(Unauthenticated, token ? 'The access token is invalid or expired' : undefined),
      );
  }
  const service = resolved.route.service;
  const cache = options.microCache;
  const key = cache?.keyOf(request);
  if (cache && key && (await cache.serve(key, request, reply))) return reply;
  // One replica after another: a read whose replica refused or dropped the connection goes to the next.
  let target = base;
  let attempt = 0;
  const fromOptions: FromOptions = {
    rewriteRequestHeaders: (_original, headers) => {
      const forwarded: Record<string, string | string[] | undefined> = {
        ...headers,
        'x-request-id': request.id,
        // The address the gateway settled on (trusting only its own proxies), never the client's own claim.
        'x-forwarded-for': request.ip,
      };
      delete forwarded.traceparent;
      delete forwarded.tracestate;
      // A cacheable read asks for the whole answer; the cache answers the reader's validators itself.
      if (key) delete forwarded['if-none-match'];
      return injectTraceHeaders(forwarded as Record<string, string>);
    },
    // Surrogate-* headers are for the gateway's cache alone (ADR 0009); the upstream's own copy stays whole.
    rewriteHeaders: (headers) => {
      if (!SURROGATE_HEADERS.some((name) => name in headers)) return headers;
      const sent = { ...headers };
      for (const name of SURROGATE_HEADERS) delete sent[name];
      return sent;
    },
    ...(cache && key
      ? {
          onResponse: (_request, _reply, answer) => {
            // reply-from's types call this a ServerResponse; it is undici's { statusCode, headers, stream }.
            const upstream = answer as unknown as UpstreamAnswer;
            cache.capture(key, request, reply, upstream).catch((error: unknown) => {
              request.log.warn({ service, err: error }, 'upstream answer broke off');
              if (!reply.sent)
                void sendProblem(reply, request, problemOf(UpstreamUnavailable, `${service} is unavailable`));
            });
          },
        }
      : {}),
    onError: (replyOnError, { error }) => {
      const next =
        pool &&
        failoverTarget(pool, target, { method: request.method, attempt, sent: replyOnError.sent }, error);
      if (next) {
        request.log.warn({ service, upstream: target, err: error }, 'replica unreachable; trying another');
        target = next;
        attempt += 1;
        return void reply.from(target + resolved.upstreamPath, fromOptions);
      }
      request.log.warn({ service, err: error }, 'upstream unavailable');
      void sendProblem(
        replyOnError as FastifyReply,
        request,
        problemOf(UpstreamUnavailable, `${service} is unavailable; try again shortly`, { service }),
      );
    },
  };
  return reply.from(target + resolved.upstreamPath, fromOptions);
}

/** Services accept 1 MiB JSON bodies and 10 MiB uploads; a bigger declared body is refused here, before it streams. */
const MAX_BODY_BYTES = 1_048_576;
const MAX_UPLOAD_BYTES = 11 * 1_048_576;

function declaredLengthTooLarge(request: FastifyRequest): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  const upload = request.headers['content-type']?.startsWith('multipart/') ?? false;
  return length > (upload ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES);
}

function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: ReturnType<typeof problemOf>,
): FastifyReply {
  return reply
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...problem, instance: request.url, traceId: request.traceId });
}
