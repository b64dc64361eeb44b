/** Wires the commerce half into the process: its event consumer, its demo data, and the similar-products refresh. */
import type { DataRuntime } from '@sauda/kit';
import { seedCommerceDemo } from './demo/seed-commerce.ts';
import { registerCommerceHandlers } from './events/commerce-consumer.ts';
import { refreshSimilar } from './recommendations/refresh-similar.ts';

// New products get their "similar" list within this long; each pass only computes products that lack one.
const SIMILAR_REFRESH_MS = 5 * 60_000;

/** Registers the consumer (call before `runtime.start()`), seeds the demo, starts the background refresh. */
export async function startCommerce(runtime: DataRuntime, demoSeed: boolean): Promise<void> {
  registerCommerceHandlers(runtime.consumer('commerce'), runtime.logger);
  if (demoSeed) runtime.logger.info({ reviews: await seedCommerceDemo(runtime.db) }, 'demo commerce seeded');
  const refresh = () =>
    refreshSimilar(runtime.db).catch((error: unknown) =>
      // Recommendations are an extra: a failed pass is logged and retried at the next interval.
      runtime.logger.warn({ err: error }, 'similar products refresh failed'),
    );
  void refresh();
  setInterval(() => void refresh(), SIMILAR_REFRESH_MS).unref();
}
