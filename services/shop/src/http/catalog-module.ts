/**
 * Wires the catalog half of shop into the app: its routes, the shared answer cache (cleared after every
 * successful write), the CSV import worker and the scheduled-price ticker (both stopped with the app).
 */
import multipart from '@fastify/multipart';
import type { App, Db } from '@sauda/kit';
import type { SearchFacets } from '../data/search-repo.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCatalogCache, type CatalogCache } from '../cache/catalog-cache.ts';
import { createSwrCache } from '../cache/stale-while-revalidate.ts';
import { startImportWorker } from '../imports/run-imports.ts';
import { createDiskMediaStore, type MediaStore } from '../media/media-store.ts';
import { startPriceScheduler } from '../prices/apply-scheduled-prices.ts';
import { adminCatalogRoutes } from './admin-catalog-routes.ts';
import { catalogRoutes } from './catalog-routes.ts';
import { importRoutes } from './import-routes.ts';
import { sellerRoutes } from './seller-routes.ts';

const FACETS_TTL_MS = 15_000;
/** The writes that change what catalog answers show: products, categories, moderation, reviews (ratings). */
const CATALOG_WRITES = /^\/(seller\/(products|reviews)|admin\/(catalog|reviews)\/|products\/)/;
const FACETS_STALE_MS = 60_000;

export interface CatalogDeps {
  db: Db;
  /** How long browsers and shared caches may reuse a public answer, and (unless catalogCache is given)
   *  this process too; 0 (the default) always queries. */
  catalogCacheTtlMs?: number;
  /** The cache to use (main passes its own so the product-event consumer can clear it). */
  catalogCache?: CatalogCache;
  /** Where images live; a disk store in the temp directory when absent (tests). */
  media?: MediaStore;
  /** How often the import worker and the sale-price ticker look for work. */
  importPollMs?: number;
  priceTickMs?: number;
}

/** Registers everything of the catalog half. */
export async function registerCatalog(app: App, deps: CatalogDeps): Promise<CatalogCache> {
  const ttl = deps.catalogCacheTtlMs ?? 0;
  const cache = deps.catalogCache ?? createCatalogCache(ttl);
  const media = deps.media ?? createDiskMediaStore(join(tmpdir(), `sauda-shop-media-${process.pid}`));
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } });
  // After a successful catalog write (its transaction has committed), this replica's cached answers are
  // stale. Quotes, promo reservations and gift-card redemptions (every checkout) change no page: they leave
  // the cache alone. Other replicas learn of a write from the change feed (ADR 0009).
  app.addHook('onSend', async (request, reply, payload) => {
    const write = request.method !== 'GET' && request.method !== 'HEAD';
    if (write && reply.statusCode < 400 && CATALOG_WRITES.test(request.url)) cache.invalidate();
    return payload;
  });
  const log = (what: string) => (error: unknown) => app.log.error({ err: error }, `${what} failed`);
  const worker = startImportWorker(deps.db, {
    intervalMs: deps.importPollMs ?? 1000,
    onChange: () => cache.invalidate(),
    onError: log('csv import'),
  });
  const stopPrices = startPriceScheduler(
    deps.db,
    deps.priceTickMs ?? 5000,
    () => cache.invalidate(),
    log('scheduled prices'),
  );
  app.addHook('onClose', async () => {
    stopPrices();
    await worker.stop();
  });
  // The facets of a listing without a text query cost a pass over every product the filters keep (the
  // whole catalog): shared by all its pages and sorts, they may lag a little (fresh FACETS_TTL_MS, then
  // refreshed in the background), while the products shown are always current.
  const facets = createSwrCache<SearchFacets>({
    ttlMs: ttl > 0 ? Math.max(ttl, FACETS_TTL_MS) : 0,
    staleMs: FACETS_STALE_MS,
    // The whole catalog's facets grow with it: a refresh stays under 5 % of the time at any size.
    costFactor: 20,
    maxEntries: 2000,
    onRefreshError: log('facet refresh'),
  });
  catalogRoutes(app, deps.db, cache, media, Math.max(0, Math.floor(ttl / 1000)), (key, load) =>
    facets.getOrLoad(key, load),
  );
  sellerRoutes(app, deps.db, media);
  importRoutes(app, deps.db, () => worker.poke());
  adminCatalogRoutes(app, deps.db);
  return cache;
}
