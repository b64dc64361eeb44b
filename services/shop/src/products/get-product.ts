/** One product page: active products for everyone; drafts, archived and hidden ones for their seller and admins. */
import type { Product } from '@sauda/contracts';
import type { Db, Principal } from '@sauda/kit';
import { findProductPage } from '../data/product-page-repo.ts';
import { listSellerProducts, toProduct } from '../data/products-repo.ts';
import { ProductNotFound } from '../errors.ts';
import { buildProductView, mayView } from './product-view.ts';

/** Finds a product by id or slug as the caller may see it. */
export async function getProduct(
  db: Db,
  idOrSlug: string,
  caller: Principal | undefined,
  locale: string,
): Promise<Product> {
  const row = await findProductPage(db, idOrSlug);
  if (!row || !mayView(row, caller)) throw new ProductNotFound();
  return buildProductView(row, caller, locale);
}

/** The calling seller's own products, every status (optionally one status). */
export async function listOwnProducts(
  db: Db,
  seller: Principal,
  page: number,
  limit: number,
  locale: string,
  status?: string,
): Promise<{ items: Product[]; total: number }> {
  const { rows, total } = await listSellerProducts(db, seller.id, limit, (page - 1) * limit, status);
  return {
    items: rows.map((row) => ({
      ...toProduct(row, locale),
      moderation: row.hidden_at
        ? { reason: row.hidden_reason ?? '', hiddenAt: new Date(row.hidden_at).toISOString() }
        : null,
    })),
    total,
  };
}
