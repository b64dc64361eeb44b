/**
 * Each shop replica follows the catalog change feed (ADR 0009) straight from its database: changed pages
 * leave its memory cache within one poll of their commit, whichever replica or process wrote them, and
 * old feed rows are pruned now and then (any replica may; the delete is idempotent).
 */
import { followChanges, type Db, type FeedFollower } from '@sauda/kit';
import { pruneCatalogChanges, readCatalogChanges } from '../data/catalog-changes-repo.ts';
import type { CatalogCache } from './catalog-cache.ts';

const PRUNE_EVERY_MS = 60_000;

/** Starts following; `stop()` on shutdown. */
export function followCatalogChanges(
  db: Db,
  cache: CatalogCache,
  options: { intervalMs: number; onError: (error: unknown) => void },
): FeedFollower {
  let prunedAt = Date.now();
  return followChanges({
    intervalMs: options.intervalMs,
    read: async (cursor) => {
      if (Date.now() - prunedAt > PRUNE_EVERY_MS) {
        prunedAt = Date.now();
        await pruneCatalogChanges(db);
      }
      return readCatalogChanges(db, cursor);
    },
    apply: (changes) => {
      if (changes.all) cache.invalidate();
      else if (changes.products.length > 0) cache.invalidateProducts(changes.products);
    },
    onError: options.onError,
  });
}
