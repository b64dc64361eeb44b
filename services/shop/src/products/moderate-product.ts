/** An admin hides a product from the storefront with a reason, or restores it. */
import { withTransaction, type Db } from '@sauda/kit';
import { findProduct } from '../data/products-repo.ts';
import { ProductNotFound } from '../errors.ts';
import { announceProduct } from './announce-product.ts';

/** Hides (with `reason`) or restores (`reason` null); repeating the same state changes nothing. */
export async function moderateProduct(db: Db, productId: string, reason: string | null): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(productId)) throw new ProductNotFound();
  await withTransaction(db, async (tx) => {
    const [changed] = await tx<{ id: string }[]>`
      update products set hidden_at = ${reason === null ? null : tx`now()`}, hidden_reason = ${reason},
                          updated_at = now()
      where id = ${productId} and (hidden_at is null) = ${reason !== null}
      returning id`;
    if (!changed) {
      if (!(await findProduct(tx, productId))) throw new ProductNotFound();
      return;
    }
    await announceProduct(tx, productId, reason === null ? 'updated' : 'hidden');
  });
}

/** The products an admin is reviewing: hidden ones first, then the newest; optional text filter. */
export async function listForModeration(
  db: Db,
  options: { hiddenOnly: boolean; q?: string | undefined; limit: number; offset: number },
) {
  const q = options.q?.trim();
  return db<
    {
      id: string;
      slug: string;
      title: string;
      seller_name: string;
      status: string;
      hidden_reason: string | null;
      hidden_at: Date | null;
      image_url: string | null;
    }[]
  >`
    select id, slug, title, seller_name, status, hidden_reason, hidden_at, image_url from products
    where ${options.hiddenOnly ? db`hidden_at is not null` : db`true`}
      and ${q ? db`lower(title) like ${'%' + q.toLowerCase() + '%'}` : db`true`}
    order by hidden_at desc nulls last, created_at desc, id
    limit ${options.limit} offset ${options.offset}`;
}
