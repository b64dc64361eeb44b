/** A seller's own stock: only SKUs the read model says are theirs. */
import type { SellerStockItem } from '@sauda/contracts';
import type { Db, Principal } from '@sauda/kit';
import { sellerStock } from '../data/seller-stock-repo.ts';

/** Every SKU of the calling seller with its levels. */
export async function listSellerStock(db: Db, seller: Principal): Promise<SellerStockItem[]> {
  return sellerStock(db, seller.id, null);
}
