/** A seller's public shop card. */
import type { UsersContext } from '../context.ts';
import { findSellerShop, type SellerShop } from '../data/seller-shops.ts';
import { SellerNotFound } from '../errors.ts';

/** The shop of an active seller; SELLER_NOT_FOUND for anyone else, so other accounts stay private. */
export async function getSellerShop(ctx: UsersContext, sellerId: string): Promise<SellerShop> {
  const shop = await findSellerShop(ctx.db, sellerId);
  if (!shop) throw new SellerNotFound();
  return shop;
}
