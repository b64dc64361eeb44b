/** Loads a product for a change by its seller (or an admin where allowed), locking its row. */
import { assertOwner, type Principal, type Tx } from '@sauda/kit';
import type { ProductRow } from '../data/products-repo.ts';
import { ProductNotFound } from '../errors.ts';

/**
 * The product, locked `for update` so concurrent edits of one product apply one after the other.
 * Another seller's product answers 403 (the id is not secret: it is on the public product page).
 */
export async function lockOwnedProduct(
  tx: Tx,
  caller: Principal,
  productId: string,
  options: { adminMayAct?: boolean } = {},
): Promise<ProductRow> {
  if (!/^[0-9a-f-]{36}$/i.test(productId)) throw new ProductNotFound();
  const [row] = await tx<ProductRow[]>`select * from products where id = ${productId} for update`;
  if (!row) throw new ProductNotFound();
  assertOwner(caller, row.seller_id, options);
  return row;
}
