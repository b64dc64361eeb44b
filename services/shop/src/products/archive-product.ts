/** A seller archives their own product: it leaves the storefront and can no longer be bought. */
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { announceProduct } from './announce-product.ts';
import { lockOwnedProduct } from './owned-product.ts';

/** Archives once; archiving an archived product is a no-op (no second event). */
export async function archiveProduct(db: Db, seller: Principal, productId: string): Promise<void> {
  await withTransaction(db, async (tx) => {
    const current = await lockOwnedProduct(tx, seller, productId);
    if (current.status === 'archived') return;
    await tx`update products set status = 'archived', updated_at = now() where id = ${productId}`;
    await announceProduct(tx, productId, 'archived');
  });
}
