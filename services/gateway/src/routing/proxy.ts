/**
 * The `/api/*` proxy: resolves the owning service, checks the token where the prefix needs one,
 * and streams the request through with trace context and request id.
 */
import replyFrom from '@fastify/reply-from';
import {
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
import { resolveRoute, type RouteEntry } from './route-table.ts';

export interface ProxyOptions {
  upstreams: Record<string, string>;
  verifier: TokenVerifier;
  timeoutMs: number;
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
  const base = resolved ? options.upstreams[resolved.route.service] : undefined;
  if (!resolved || !base) {
    return sendProblem(
      reply,
      request,
      problemOf(RouteNotFound, `${request.method} ${request.url.split('?')[0]} does not exist`),
    );
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
  return reply.from(base + resolved.upstreamPath, {
    rewriteRequestHeaders: (_original, headers) => {
      const forwarded: Record<string, string | string[] | undefined> = {
        ...headers,
        'x-request-id': request.id,
      };
      delete forwarded.traceparent;
      delete forwarded.tracestate;
      return injectTraceHeaders(forwarded as Record<string, string>);
    },
    onError: (replyOnError, { error }) => {
      request.log.warn({ service, err: error }, 'upstream unavailable');
      void sendProblem(
        replyOnError as FastifyReply,
        request,
        problemOf(UpstreamUnavailable, `${service} is unavailable; try again shortly`, { service }),
      );
    },
  });
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
