/** A seller chooses when their SKU counts as low on stock. */
import type { SellerStockItem } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { ownStockItem } from '../data/seller-stock-repo.ts';
import { SkuNotFound } from '../errors.ts';
import { checkLowStock } from '../levels/check-low-stock.ts';

/** Sets the seller's low-stock threshold for their SKU. */
export async function setLowThreshold(
  db: Db,
  seller: Principal,
  variantId: string,
  threshold: number,
): Promise<SellerStockItem> {
  await withTransaction(db, async (tx) => {
    const updated = await tx`
      update skus set low_threshold = ${threshold} where variant_id = ${variantId} and seller_id = ${seller.id}`;
    if (updated.count === 0) throw new SkuNotFound();
    await checkLowStock(tx, [variantId]);
  });
  return ownStockItem(db, seller.id, variantId);
}
