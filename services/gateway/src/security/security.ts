/** Security headers (CSP, HSTS, no-sniff, frame-deny), CORS and rate limits for the public entry. */
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { RateLimited, type App, type TokenVerifier } from '@sauda/kit';
import type { FastifyRequest } from 'fastify';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { resolveRoute } from '../routing/route-table.ts';

export interface SecurityOptions {
  corsOrigins: string[];
  hsts: boolean;
  redisUrl?: string;
  perMinute: number;
  authPerMinute: number;
  verifier: TokenVerifier;
}

/** Registers helmet, CORS and the rate limiter; returns a closer for the Redis connection. */
export async function registerSecurity(app: App, options: SecurityOptions): Promise<() => Promise<void>> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The API docs page (Swagger UI) sets a few inline styles; nothing else needs them.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    frameguard: { action: 'deny' },
    noSniff: true,
    hsts: options.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cors, {
    origin: options.corsOrigins.length > 0 ? options.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'location', 'retry-after'],
  });

  const redis = options.redisUrl ? await connectRedis(app, options.redisUrl) : undefined;
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    ...(redis ? { redis, nameSpace: 'sauda-rl:', skipOnError: true } : {}),
    keyGenerator: (request) => rateKey(request, options.verifier),
    max: (request) => (isAuthBucket(request) ? options.authPerMinute : options.perMinute),
    allowList: (request) => !request.url.startsWith('/api/'),
    // Thrown by the plugin, so an AppError reaches the kit's handler and becomes problem+json.
    errorResponseBuilder: (_request, context) =>
      new RateLimited(`Limit of ${context.max} requests per minute reached`, {
        retryAfter: Math.ceil(context.ttl / 1000),
      }),
  });
  return async () => {
    // Counters live in Redis; nothing to flush, so an immediate disconnect also works while it is down.
    redis?.disconnect();
  };
}

function isAuthBucket(request: FastifyRequest): boolean {
  return resolveRoute(request.url)?.route.bucket === 'auth';
}

/** Credential endpoints count per IP; everything else per account when signed in, else per IP. */
async function rateKey(request: FastifyRequest, verifier: TokenVerifier): Promise<string> {
  if (isAuthBucket(request)) return `auth:${request.ip}`;
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const principal = await verifier.verify(header.slice(7)).catch(() => undefined);
    if (principal) return `user:${principal.id}`;
  }
  return `ip:${request.ip}`;
}

/**
 * Redis for the shared counters. Start-up waits briefly for it; if it is down the gateway still starts
 * and counts nothing until it returns (`skipOnError`): an outage of Redis must not take the API down.
 */
async function connectRedis(app: App, url: string): Promise<Redis> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', (error: Error) =>
    app.log.warn({ err: error.message }, 'redis unavailable; rate limits not shared'),
  );
  // events.once rejects on 'error'; a Redis that is down is waited for, not fatal.
  await Promise.race([
    once(redis, 'ready').catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, 2000).unref()),
  ]);
  return redis;
}
