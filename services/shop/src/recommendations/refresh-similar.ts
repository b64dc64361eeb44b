/**
 * Fills the "similar products" table in batches, so a large catalog never holds one long transaction, and
 * pauses between batches so the background work takes at most about half of one database core.
 */
import type { Db } from '@sauda/kit';
import { computeSimilar } from '../data/recommendations-repo.ts';

export interface RefreshOptions {
  batch?: number;
  /** Pause after each batch, as a multiple of the batch's own time (1: at most half the time busy). */
  restFactor?: number;
  /** Asked between batches: stop early (the process is shutting down). */
  stopped?: () => boolean;
}

/** Computes similar products for every product that has none yet, walking the catalog by id. */
export async function refreshSimilar(db: Db, options: RefreshOptions | number = {}): Promise<void> {
  const {
    batch = 200,
    restFactor = 0,
    stopped = () => false,
  } = typeof options === 'number' ? { batch: options } : options;
  for (let after = '00000000-0000-0000-0000-000000000000'; !stopped();) {
    const started = performance.now();
    const { lastId } = await computeSimilar(db, after, batch);
    if (lastId === null) return;
    after = lastId;
    const rest = (performance.now() - started) * restFactor;
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
}
