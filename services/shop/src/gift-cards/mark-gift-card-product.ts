/**
 * An admin makes a product sell gift cards (or stop): only the marketplace decides which products mint
 * store credit, so sellers cannot set this themselves.
 */
import type { Db } from '@sauda/kit';
import { ProductNotFound } from '../errors.ts';

/** Sets the product's gift-card flag; its variants' regular prices become the cards' face values. */
export async function markGiftCardProduct(db: Db, productId: string, giftCard: boolean): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(productId)) throw new ProductNotFound();
  const rows =
    await db`update products set gift_card = ${giftCard}, updated_at = now() where id = ${productId} returning id`;
  if (rows.length === 0) throw new ProductNotFound();
}
