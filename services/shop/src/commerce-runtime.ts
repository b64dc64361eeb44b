/** Wires the commerce half into the process: its event consumer, its demo data, and the similar-products refresh. */
import { keyByField, startSweeper, type DataRuntime } from '@sauda/kit';
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
  registerCommerceHandlers(
    runtime.consumer('commerce', { batch: true, batchKey: keyByField('orderId') }),
    runtime.logger,
  );
  if (demoSeed) runtime.logger.info({ reviews: await seedCommerceDemo(runtime.db) }, 'demo commerce seeded');
  if (similarRefreshMs <= 0) return { stop: () => Promise.resolve() };
  let stopping = false;
  // A pass over a large catalog may outlast the interval: never two at once.
  const refresh = startSweeper(
    similarRefreshMs,
    () => refreshSimilar(runtime.db, { restFactor: 1, stopped: () => stopping }),
    // Recommendations are an extra: a failed pass is logged and retried at the next interval.
    (error) => runtime.logger.warn({ err: error }, 'similar products refresh failed'),
    { runAtStart: true },
  );
  return {
    stop() {
      stopping = true;
      return refresh.stop();
    },
  };
}
