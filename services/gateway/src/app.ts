/** Builds the gateway without listening: security, proxy, merged docs, aggregated health, web app. */
import { createService, processFaultSettings, type App, type TokenVerifier } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import { request } from 'undici';
import { mergeOpenApi } from './docs/merge-openapi.ts';
import { createFaultStore } from './faults/fault-store.ts';
import { registerFaults } from './faults/faults-routes.ts';
import { aggregateHealth } from './health/aggregate.ts';
import { createOperationsMonitor } from './operations/collect-operations.ts';
import { registerOperations } from './operations/operations-route.ts';
import { createUpstreamPools, primaryUrls } from './operations/upstream-pool.ts';
import { followCatalogPurges } from './routing/catalog-purge.ts';
import { createMicroCache, type MicroCache } from './routing/micro-cache.ts';
import { registerProxy } from './routing/proxy.ts';
import { registerSecurity } from './security/security.ts';
import { registerWebApp } from './web/web-app.ts';
import type { GatewayConfig } from './config.ts';

export interface GatewayDeps {
  config: Pick<
    GatewayConfig,
    | 'LOG_LEVEL'
    | 'LOG_FORMAT'
    | 'CORS_ORIGINS'
    | 'HSTS'
    | 'REDIS_URL'
    | 'RATE_LIMIT_PER_MINUTE'
    | 'AUTH_RATE_LIMIT_PER_MINUTE'
    | 'CHECKOUT_RATE_LIMIT_PER_MINUTE'
    | 'CODE_ATTEMPTS_PER_15_MINUTES'
    | 'UPSTREAM_TIMEOUT_MS'
    | 'WEB_DIST'
    | 'MICRO_CACHE_MB'
    | 'EDGE_PURGE_POLL_MS'
  >;
  upstreams: Record<string, string>;
  verifier: TokenVerifier;
  /** The micro-cache to use (tests pass one with their own clock); else one of MICRO_CACHE_MB. */
  microCache?: MicroCache;
  /** Fault flags routes (ADR 0007); by default as the environment allows (dev and test runs only). */
  faults?: boolean;
}

/** The gateway app and a closer for what it opened (Redis, the docs refresher). */
export async function buildApp(deps: GatewayDeps): Promise<{ app: App; close: () => Promise<void> }> {
  const self: { app?: App } = {};
  // Several replicas per service (`SHOP_URL=a,b`): the proxy balances; documents and health ask the first.
  const pools = createUpstreamPools(deps.upstreams);
  const primary = primaryUrls(pools);
  // The gateway's own routes (aggregated health) are part of the public document too.
  const docs = createDocsCache(primary, () => self.app?.swagger() as Record<string, unknown> | undefined);
  const app = await createService({
    name: 'gateway',
    description: 'The single public entry of Sauda.',
    auth: deps.verifier,
    logLevel: deps.config.LOG_LEVEL,
    logFormat: deps.config.LOG_FORMAT,
    openApiDocument: docs.current,
  });
  const closeSecurity = await registerSecurity(app, {
    corsOrigins: deps.config.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    hsts: deps.config.HSTS,
    perMinute: deps.config.RATE_LIMIT_PER_MINUTE,
    authPerMinute: deps.config.AUTH_RATE_LIMIT_PER_MINUTE,
    checkoutPerMinute: deps.config.CHECKOUT_RATE_LIMIT_PER_MINUTE,
    codeAttemptsPer15Minutes: deps.config.CODE_ATTEMPTS_PER_15_MINUTES,
    verifier: deps.verifier,
    ...(deps.config.REDIS_URL ? { redisUrl: deps.config.REDIS_URL } : {}),
  });
  app.get(
    '/api/health',
    {
      config: { auth: { access: 'public', owns: 'service status only' } },
      schema: {
        tags: ['operations'],
        summary: 'Readiness of every service',
        response: {
          200: Type.Object({
            status: Type.String(),
            services: Type.Array(
              Type.Object({
                service: Type.String(),
                status: Type.String(),
                ms: Type.Number(),
                checks: Type.Optional(Type.Record(Type.String(), Type.String())),
              }),
            ),
          }),
        },
      },
    },
    async () => {
      const services = await aggregateHealth(primary);
      return { status: services.every((s) => s.status === 'ready') ? 'ready' : 'degraded', services };
    },
  );
  registerOperations(app, createOperationsMonitor(pools));
  if (deps.faults ?? processFaultSettings().enabled) registerFaults(app, createFaultStore([...pools.keys()]));
  // Product pages stay at the edge for minutes while the shop's change feed purges them (ADR 0009).
  const shopPool = pools.get('shop');
  const pollMs = deps.config.EDGE_PURGE_POLL_MS;
  const holder: { cache?: MicroCache } = {};
  const purges =
    shopPool && pollMs > 0 ? followCatalogPurges(shopPool, () => holder.cache, pollMs) : undefined;
  holder.cache =
    deps.microCache ??
    createMicroCache({
      maxBytes: deps.config.MICRO_CACHE_MB * 1024 * 1024,
      ...(purges ? { edge: { live: () => purges.live() } } : {}),
    });
  await registerProxy(app, {
    upstreams: primary,
    pools,
    verifier: deps.verifier,
    timeoutMs: deps.config.UPSTREAM_TIMEOUT_MS,
    microCache: holder.cache,
  });
  await registerWebApp(app, deps.config.WEB_DIST);
  self.app = app;
  app.addHook('onReady', async () => docs.refresh());
  return {
    app,
    close: async () => {
      purges?.stop();
      docs.stop();
      await closeSecurity();
    },
  };
}

/** Keeps the merged OpenAPI document fresh: fetched at start and every 30 s, served from memory. */
function createDocsCache(
  upstreams: Record<string, string>,
  own: () => Record<string, unknown> | undefined,
): { current: () => Record<string, unknown>; refresh: () => Promise<void>; stop: () => void } {
  let merged = mergeOpenApi({}, '0.1.0');
  const refresh = async (): Promise<void> => {
    const entries = await Promise.all(
      Object.entries(upstreams).map(async ([service, base]) => {
        try {
          const response = await request(`${base}/openapi.json`, { signal: AbortSignal.timeout(2000) });
          const doc =
            response.statusCode === 200
              ? ((await response.body.json()) as Record<string, unknown>)
              : undefined;
          return [service, doc] as const;
        } catch {
          return [service, undefined] as const;
        }
      }),
    );
    merged = mergeOpenApi({ ...Object.fromEntries(entries), gateway: own() }, '0.1.0');
  };
  const timer = setInterval(() => void refresh(), 30_000);
  timer.unref();
  return { current: () => merged, refresh, stop: () => clearInterval(timer) };
}
