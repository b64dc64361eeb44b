/** One product page: active products for everyone; drafts and archived ones for their seller and admins. */
import type { Product } from '@sauda/contracts';
import { hasRole, type Db, type Principal } from '@sauda/kit';
import { findProduct, listSellerProducts, toProduct } from '../data/products-repo.ts';
import { ProductNotFound } from '../errors.ts';

/** Finds a product by id or slug as the caller may see it. */
export async function getProduct(
  db: Db,
  idOrSlug: string,
  caller: Principal | undefined,
  locale: string,
): Promise<Product> {
  const row = await findProduct(db, idOrSlug);
  const visible =
    row && (row.status === 'active' || row.seller_id === caller?.id || hasRole(caller, 'admin'));
  if (!row || !visible) throw new ProductNotFound();
  return toProduct(row, locale);
}

/** The calling seller's own products, every status. */
export async function listOwnProducts(
  db: Db,
  seller: Principal,
  page: number,
  limit: number,
  locale: string,
): Promise<{ items: Product[]; total: number }> {
  const { rows, total } = await listSellerProducts(db, seller.id, limit, (page - 1) * limit);
  return { items: rows.map((row) => toProduct(row, locale)), total };
}
