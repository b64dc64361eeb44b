/**
 * The gateway's edge follows the shop's catalog change feed (ADR 0009, the same feed each shop replica
 * follows): a changed product's cached pages are purged within one poll of the change, so they may be kept
 * for minutes instead of a second. While the feed cannot be read, nothing is kept beyond its s-maxage.
 */
import { followChanges, type CatalogChanges, type FeedFollower } from '@sauda/kit';
import { request } from 'undici';
import type { UpstreamPool } from '../operations/upstream-pool.ts';
import type { MicroCache } from './micro-cache.ts';

const FEED_PATH = '/.well-known/catalog-changes.json';

/**
 * Polls `shop` every `intervalMs` and purges `cache` by product tag. It asks one replica until that one
 * fails, then the next (its own rotation: the proxy's balancing is left alone).
 */
export function followCatalogPurges(
  shop: UpstreamPool,
  cache: () => MicroCache | undefined,
  intervalMs: number,
): FeedFollower {
  let replica = 0;
  return followChanges({
    intervalMs,
    read: async (cursor) => {
      const base = shop.urls[replica % shop.urls.length] ?? '';
      const url = `${base}${FEED_PATH}${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;
      try {
        const answer = await request(url, { headersTimeout: 2_000, bodyTimeout: 2_000 });
        if (answer.statusCode !== 200) {
          await answer.body.dump();
          throw new Error(`the catalog change feed answered ${answer.statusCode}`);
        }
        return (await answer.body.json()) as CatalogChanges;
      } catch (error) {
        replica += 1;
        throw error;
      }
    },
    apply: (changes) => {
      if (changes.all) cache()?.purgeAll();
      else if (changes.products.length > 0) cache()?.purge(changes.products.map((id) => `product:${id}`));
    },
  });
}
