/** Liveness, readiness and metrics endpoints. */
import type { FastifyInstance } from 'fastify';

/** A readiness probe: resolves true when the dependency answers. */
export type ReadinessCheck = () => Promise<boolean>;

/** Registers /health/live, /health/ready and /metrics on the app. */
export function registerHealth(app: FastifyInstance): void {
  const hidden = { config: { internal: true }, schema: { hide: true } };
  app.get('/health/live', hidden, async () => ({ status: 'ok', service: app.kit.name }));
  app.get('/health/ready', hidden, async (_request, reply) => {
    const entries = await Promise.all(
      [...app.kit.readiness].map(async ([name, check]) => [name, await withTimeout(check(), 2000)] as const),
    );
    const checks = Object.fromEntries(entries.map(([name, ok]) => [name, ok ? 'up' : 'down']));
    const ready = !app.kit.draining && entries.every(([, ok]) => ok);
    return reply.status(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not_ready',
      service: app.kit.name,
      draining: app.kit.draining,
      checks,
    });
  });
  app.get('/metrics', hidden, async (_request, reply) => {
    const { registry } = app.kit.metrics;
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

/** Registers a readiness check (database, event bus, …). */
export function addReadinessCheck(app: FastifyInstance, name: string, check: ReadinessCheck): void {
  app.kit.readiness.set(name, check);
}

async function withTimeout(check: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([check.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
