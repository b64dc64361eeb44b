/** A seller lists a new product; `shop.product.created.v1` leaves through the outbox in the same transaction. */
import type { NewProduct, Product } from '@sauda/contracts';
import { withTransaction, type Db, type Principal, type Tx } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { findCategoryId } from '../data/categories-repo.ts';
import { findProduct, insertProduct } from '../data/products-repo.ts';
import { refreshFromPrice, replaceVariants } from '../data/variants-repo.ts';
import { CategoryNotFound, InvalidPrice } from '../errors.ts';
import { defaultSku, normalizeVariants, rethrowSkuConflict } from '../variants/normalize-variants.ts';
import { announceProduct } from './announce-product.ts';
import { productView } from './product-view.ts';
import { slugify, withSuffix } from './slug.ts';

/** Creates the product owned by the calling seller and announces it. */
export async function createProduct(
  db: Db,
  seller: Principal,
  input: NewProduct,
  locale: string,
): Promise<Product> {
  try {
    return await withTransaction(db, async (tx) => {
      const id = await insertNewProduct(tx, seller, input);
      const created = await findProduct(tx, id);
      if (!created) throw new Error('product vanished inside its own transaction');
      return productView(tx, created, seller, locale);
    });
  } catch (error) {
    return rethrowSkuConflict(error);
  }
}

/**
 * The product, its variants and its `created` event inside the caller's transaction (the CSV import
 * runs it per row group under a savepoint). Returns the new id.
 */
export async function insertNewProduct(tx: Tx, seller: Principal, input: NewProduct): Promise<string> {
  const categoryId = input.categorySlug ? await findCategoryId(tx, input.categorySlug) : null;
  if (input.categorySlug && !categoryId) throw new CategoryNotFound(`no category "${input.categorySlug}"`);
  if (input.variants?.some((v) => v.id)) throw new InvalidPrice('new variants must not carry an id');
  const id = uuidv7();
  const variants = normalizeVariants(
    input.variants ?? [{ sku: defaultSku(id), price: input.price.amount }],
    new Set(),
  );
  const row = {
    id,
    sellerId: seller.id,
    sellerName: seller.name ?? seller.email ?? 'Seller',
    title: input.title.trim(),
    description: input.description,
    brand: input.brand?.trim() ?? null,
    categoryId: categoryId ?? null,
    priceAmount: input.price.amount,
    currency: input.price.currency,
    status: input.status ?? 'active',
    imageUrl: null,
    attributes: input.attributes ?? {},
    translations: input.translations ?? {},
  };
  const base = slugify(input.title);
  // The plain slug reads best; when taken, a short suffix keeps it unique (insert decides, no check-then-act).
  let inserted = await insertProduct(tx, { ...row, slug: base });
  while (!inserted) inserted = await insertProduct(tx, { ...row, slug: withSuffix(base) });
  await replaceVariants(tx, id, seller.id, variants);
  await refreshFromPrice(tx, [id]);
  await announceProduct(tx, id, 'created');
  return id;
}
