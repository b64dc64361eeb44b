/** `stock.level.changed.v1`: keeps each variant's available units and its product's `in_stock` flag. */
import type { LevelChanged, TypedEnvelope } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { refreshProductInStock, storeVariantLevel } from '../data/stock-repo.ts';

/**
 * Handles one level change (idempotent, and an older level arriving late changes nothing). `onFlip` is told
 * when a product went in or out of stock, so cached listings are dropped; a reader that reloads before this
 * transaction commits keeps the old flag at most for the cache's TTL.
 */
export function onLevelChanged(onFlip: () => void) {
  return async (event: TypedEnvelope<typeof LevelChanged>, tx: Tx): Promise<void> => {
    const { variantId, available, at } = event.data;
    // Most levels only move a count (5 → 4): one statement; the product's variants are read only on a flip.
    if (!(await storeVariantLevel(tx, variantId, available, new Date(at)))) return;
    if (await refreshProductInStock(tx, variantId)) onFlip();
  };
}
