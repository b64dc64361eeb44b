/** Fills the "similar products" table in batches, so a large catalog never holds one long transaction. */
import type { Db } from '@sauda/kit';
import { computeSimilar } from '../data/recommendations-repo.ts';

/** Computes similar products for every product that has none yet, walking the catalog by id. */
export async function refreshSimilar(db: Db, batch = 200): Promise<void> {
  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const { lastId } = await computeSimilar(db, after, batch);
    if (lastId === null) return;
    after = lastId;
  }
}
