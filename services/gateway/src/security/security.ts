/**
 * Security headers (CSP, HSTS, no-sniff, frame-deny), CORS and rate limits for the public entry, including the
 * business-flow limits (checkout attempts per customer, promo and gift-card code guesses per caller).
 */
import cors from '@fastify/cors';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import { RateLimited, type App, type TokenVerifier } from '@sauda/kit';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { resolveRoute } from '../routing/route-table.ts';

export interface SecurityOptions {
  corsOrigins: string[];
  hsts: boolean;
  redisUrl?: string;
  perMinute: number;
  authPerMinute: number;
  /** `POST /api/checkout` per customer per minute. */
  checkoutPerMinute: number;
  /** Promo and gift-card codes tried (`POST /api/cart/promo`, `/api/cart/gift-cards`, redeem) per caller. */
  codeAttemptsPer15Minutes: number;
  verifier: TokenVerifier;
}

/** A stricter bucket than the general one, with its own counter, limit and window. */
type Bucket = 'auth' | 'checkout' | 'codes';

const CODE_PATHS = new Set(['/api/cart/promo', '/api/cart/gift-cards', '/api/shop/gift-cards/redeem']);
const CODES_WINDOW_MS = 15 * 60_000;

/** Registers helmet, CORS and the rate limiter; returns a closer for the Redis connection. */
export async function registerSecurity(app: App, options: SecurityOptions): Promise<() => Promise<void>> {
  // Helmet's headers depend only on these settings: computed once, set on each answer (issue 12: the
  // @fastify/helmet plugin rebuilt the middleware and re-parsed the CSP for every request).
  const headers = securityHeaders(options.hsts);
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  await app.register(cors, {
    origin: options.corsOrigins.length > 0 ? options.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'location', 'retry-after'],
  });

  const redis = options.redisUrl ? await connectRedis(app, options.redisUrl) : undefined;
  await app.register(rateLimit, {
    global: true,
    ...(redis ? { redis, nameSpace: 'sauda-rl:', skipOnError: true } : {}),
    keyGenerator: (request) => rateKey(request, options.verifier),
    max: (request) => {
      const bucket = bucketOf(request);
      if (bucket === 'auth') return options.authPerMinute;
      if (bucket === 'checkout') return options.checkoutPerMinute;
      if (bucket === 'codes') return options.codeAttemptsPer15Minutes;
      return options.perMinute;
    },
    timeWindow: (request) => (bucketOf(request) === 'codes' ? CODES_WINDOW_MS : 60_000),
    allowList: (request) => !request.url.startsWith('/api/'),
    // Thrown by the plugin, so an AppError reaches the kit's handler and becomes problem+json.
    errorResponseBuilder: (_request, context) =>
      new RateLimited(`Limit of ${context.max} requests per ${context.after} reached`, {
        retryAfter: Math.ceil(context.ttl / 1000),
      }),
  });
  return async () => {
    // Counters live in Redis; nothing to flush, so an immediate disconnect also works while it is down.
    redis?.disconnect();
  };
}

/** The headers helmet sets for the gateway's settings, as [name, value] pairs (none depends on the request). */
export function securityHeaders(hsts: boolean): Array<[string, string]> {
  const middleware = helmet({
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
    hsts: hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  // Keyed by lower-case name; the name keeps helmet's spelling, so the answers stay byte for byte the same.
  const headers = new Map<string, [string, string]>();
  const response = {
    setHeader: (name: string, value: string | number) =>
      headers.set(name.toLowerCase(), [name, String(value)]),
    removeHeader: (name: string) => headers.delete(name.toLowerCase()),
  };
  // Helmet never reads the request and only sets or removes headers (bad options throw at once).
  middleware({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return [...headers.values()];
}

function bucketOf(request: FastifyRequest): Bucket | undefined {
  if (resolveRoute(request.url)?.route.bucket === 'auth') return 'auth';
  if (request.method !== 'POST') return undefined;
  const path = request.url.split('?')[0]?.replace(/\/$/, '') ?? '';
  if (path === '/api/checkout') return 'checkout';
  return CODE_PATHS.has(path) ? 'codes' : undefined;
}

/**
 * Credential endpoints count per IP; everything else per account when signed in, else per IP. Checkout and
 * code attempts have counters of their own, so browsing never uses them up (and they never use browsing up).
 */
async function rateKey(request: FastifyRequest, verifier: TokenVerifier): Promise<string> {
  const bucket = bucketOf(request);
  if (bucket === 'auth') return `auth:${request.ip}`;
  const prefix = bucket ? `${bucket}:` : '';
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const principal = await verifier.verify(header.slice(7)).catch(() => undefined);
    if (principal) return `${prefix}user:${principal.id}`;
  }
  return `${prefix}ip:${request.ip}`;
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
