/** A seller published a product: their shop counts it. */
import type { EventData, ProductCreated } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';
import { addProductToShop } from '../data/seller-shops.ts';

/** Counts the product in the seller's shop; runs once per event (the inbox dedupes in this transaction). */
export async function countSellerProduct(tx: Tx, product: EventData<typeof ProductCreated>): Promise<void> {
  await addProductToShop(tx, product.sellerId, new Date(product.createdAt));
}
