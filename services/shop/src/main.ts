/** The shop process: config → data runtime → app → demo seed → listen. */
import { LevelChanged } from '@sauda/contracts';
import { createUsersVerifier, keyByField, openDataRuntime, runService } from '@sauda/kit';
import { createCatalogCache } from './cache/catalog-cache.ts';
import { followCatalogChanges } from './cache/follow-catalog-changes.ts';
import { invalidateOnProductEvents } from './cache/invalidate-on-events.ts';
import { onLevelChanged } from './events/on-level-changed.ts';
import { openMediaStore } from './media/open-media-store.ts';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { seedGenerated } from './demo/seed-generated.ts';
import { startCommerce } from './commerce-runtime.ts';
import { parseVatRates } from './quotes/vat-rates.ts';

const config = readConfig();
const runtime = await openDataRuntime('shop', config, new URL('../migrations', import.meta.url));
const verifier = createUsersVerifier(config);
// Product pages live long while this replica follows the change feed, which drops exactly those that change.
let followsFeed = () => false;
const catalogCache = createCatalogCache(config.CATALOG_MEMORY_TTL_MS, {
  ttlMs: config.CATALOG_PAGE_TTL_MS,
  followsFeed: () => followsFeed(),
});
const media = openMediaStore(config);
const app = await buildApp({
  db: runtime.db,
  auth: verifier,
  logLevel: config.LOG_LEVEL,
  logFormat: config.LOG_FORMAT,
  catalogCacheTtlMs: config.CATALOG_CACHE_TTL_MS,
  catalogCache,
  media,
  vatRates: parseVatRates(config.VAT_RATES),
});
// The service's own product events clear the catalog cache (scheduled prices, other replicas' writes).
invalidateOnProductEvents(runtime.consumer('catalog-cache'), catalogCache);
// Stock levels feed the `inStock` filter; a product going in or out of stock clears cached listings.
runtime.consumer('catalog-stock', { batch: true, batchKey: keyByField('variantId') }).on(
  LevelChanged,
  onLevelChanged(() => catalogCache.invalidate()),
);
const changes = followCatalogChanges(runtime.db, catalogCache, {
  intervalMs: config.CATALOG_CHANGES_POLL_MS,
  onError: (error) => runtime.logger.warn({ err: error }, 'reading the catalog change feed failed'),
});
followsFeed = () => changes.live();
runtime.attach(app);
if (config.DEMO_SEED) {
  const created = await seedDemo(runtime.db);
  const generated = await seedGenerated(runtime.db, {
    products: config.DEMO_CATALOG_PRODUCTS,
    events: true,
    media,
  });
  runtime.logger.info({ created, generated }, 'demo catalog seeded');
}
const commerce = await startCommerce(runtime, config.DEMO_SEED, config.SIMILAR_REFRESH_MS);
await runtime.start();
await runService(app, {
  port: config.PORT,
  host: config.HOST,
  shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  closers: [() => changes.stop(), () => commerce.stop(), () => runtime.close(), () => verifier.close()],
});
