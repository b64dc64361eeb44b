/** Wires the commerce half into the process: its event consumer, its demo data, and the similar-products refresh. */
import type { DataRuntime } from '@sauda/kit';
import { seedCommerceDemo } from './demo/seed-commerce.ts';
import { registerCommerceHandlers } from './events/commerce-consumer.ts';
import { refreshSimilar } from './recommendations/refresh-similar.ts';

/**
 * Registers the consumer (call before `runtime.start()`), seeds the demo, starts the background refresh.
 * `stop()` ends the refresh after its current batch (before the pool closes).
 */
export async function startCommerce(
  runtime: DataRuntime,
  demoSeed: boolean,
  /** New products get their "similar" list within this long (0: no refresh); a pass computes only what lacks one. */
  similarRefreshMs: number,
): Promise<{ stop(): Promise<void> }> {
  registerCommerceHandlers(runtime.consumer('commerce', { batch: true }), runtime.logger);
  if (demoSeed) runtime.logger.info({ reviews: await seedCommerceDemo(runtime.db) }, 'demo commerce seeded');
  let stopping = false;
  let pass: Promise<void> | undefined;
  const refresh = () => {
    // A pass over a large catalog may outlast the interval: never two at once.
    pass ??= refreshSimilar(runtime.db, { restFactor: 1, stopped: () => stopping })
      .catch((error: unknown) =>
        // Recommendations are an extra: a failed pass is logged and retried at the next interval.
        runtime.logger.warn({ err: error }, 'similar products refresh failed'),
      )
      .finally(() => (pass = undefined));
  };
  if (similarRefreshMs > 0) refresh();
  const timer = setInterval(refresh, similarRefreshMs || 2 ** 31 - 1);
  timer.unref();
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await pass;
    },
  };
}
