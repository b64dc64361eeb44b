/** The Sauda service kit: the one place cross-cutting code lives. */
export * from './http/errors.ts';
export * from './http/problem.ts';
export * from './http/service.ts';
export * from './http/health.ts';
export * from './http/lifecycle.ts';
export * from './config/config.ts';
export * from './db/db.ts';
export * from './db/migrate.ts';
export * from './auth/access.ts';
export * from './auth/verifier.ts';
export * from './client/http-client.ts';
export * from './observability/metrics.ts';
export * from './observability/tracing.ts';
export * from './http/locale.ts';
export * from './events/index.ts';
export * from './runtime.ts';
export * from './cache/ttl-cache.ts';
