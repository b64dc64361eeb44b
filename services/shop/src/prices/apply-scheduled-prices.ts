/**
 * Scheduled sale prices start and end by the clock, not by a request: a ticker moves each affected
 * product's listing price and announces the new snapshot. Crash-safe: the comparison with the stored
 * price is the state, so a tick lost to a crash is simply done by the next one.
 */
import { startSweeper, withTransaction, type Db } from '@sauda/kit';
import { productsWithSalesInMotion, refreshFromPrice } from '../data/variants-repo.ts';
import { announceProduct } from '../products/announce-product.ts';

/** One pass; returns the ids whose listing price changed. */
export async function applyScheduledPrices(db: Db): Promise<string[]> {
  const candidates = await productsWithSalesInMotion(db, 5000);
  if (candidates.length === 0) return [];
  return withTransaction(db, async (tx) => {
    const changed = await refreshFromPrice(tx, candidates);
    for (const id of changed) await announceProduct(tx, id, 'updated');
    return changed;
  });
}

/** Runs `applyScheduledPrices` every `intervalMs`; the returned function stops it. */
export function startPriceScheduler(
  db: Db,
  intervalMs: number,
  onChange: () => void,
  onError: (error: unknown) => void,
): () => void {
  const sweeper = startSweeper(
    intervalMs,
    async () => {
      if ((await applyScheduledPrices(db)).length > 0) onChange();
    },
    onError,
  );
  return () => void sweeper.stop();
}
