/** A seller edits their own product: fields, translations, variants and prices; the snapshot is announced. */
import type { Product, ProductEdit } from '@sauda/contracts';
import { withTransaction, type Db, type Principal } from '@sauda/kit';
import { findCategoryId } from '../data/categories-repo.ts';
import { findProduct } from '../data/products-repo.ts';
import { listVariants, refreshFromPrice, replaceVariants } from '../data/variants-repo.ts';
import { CategoryNotFound, ProductArchivedError } from '../errors.ts';
import { normalizeVariants, rethrowSkuConflict } from '../variants/normalize-variants.ts';
import { announceProduct } from './announce-product.ts';
import { lockOwnedProduct } from './owned-product.ts';
import { productView } from './product-view.ts';

/** Applies the edit in one transaction; only fields present in `edit` change. */
export async function editProduct(
  db: Db,
  seller: Principal,
  productId: string,
  edit: ProductEdit,
  locale: string,
): Promise<Product> {
  try {
    return await withTransaction(db, async (tx) => {
      const current = await lockOwnedProduct(tx, seller, productId);
      if (current.status === 'archived') throw new ProductArchivedError();
      let categoryId = current.category_id;
      if (edit.categorySlug !== undefined) {
        categoryId =
          edit.categorySlug === null ? null : ((await findCategoryId(tx, edit.categorySlug)) ?? null);
        if (edit.categorySlug !== null && !categoryId)
          throw new CategoryNotFound(`no category "${edit.categorySlug}"`);
      }
      await tx`
        update products set
          title = ${edit.title?.trim() ?? current.title},
          description = ${edit.description ?? current.description},
          brand = ${edit.brand === undefined ? current.brand : (edit.brand?.trim() ?? null)},
          category_id = ${categoryId},
          status = ${edit.status ?? current.status},
          attributes = ${tx.json(edit.attributes ?? current.attributes)},
          translations = ${tx.json(edit.translations ?? current.translations ?? {})},
          updated_at = now()
        where id = ${productId}`;
      if (edit.variants) {
        const existing = new Set((await listVariants(tx, [productId])).map((v) => v.id));
        await replaceVariants(tx, productId, current.seller_id, normalizeVariants(edit.variants, existing));
        await refreshFromPrice(tx, [productId]);
      }
      await announceProduct(tx, productId, 'updated');
      const row = await findProduct(tx, productId);
      if (!row) throw new Error('product vanished inside its own transaction');
      return productView(tx, row, seller, locale);
    });
  } catch (error) {
    return rethrowSkuConflict(error);
  }
}
