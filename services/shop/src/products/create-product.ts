/** A seller lists a new product; `shop.product.created.v1` leaves through the outbox in the same transaction. */
import { ProductCreated, type NewProduct, type Product } from '@sauda/contracts';
import { appendEvent, withTransaction, type Db, type Principal } from '@sauda/kit';
import { v7 as uuidv7 } from 'uuid';
import { findCategoryId } from '../data/categories-repo.ts';
import { findProduct, insertProduct, toProduct } from '../data/products-repo.ts';
import { CategoryNotFound } from '../errors.ts';
import { slugify, withSuffix } from './slug.ts';

/** Creates the product owned by the calling seller and announces it. */
export async function createProduct(
  db: Db,
  seller: Principal,
  input: NewProduct,
  locale: string,
): Promise<Product> {
  const categoryId = input.categorySlug ? await findCategoryId(db, input.categorySlug) : null;
  if (input.categorySlug && !categoryId) throw new CategoryNotFound(`no category "${input.categorySlug}"`);
  const id = uuidv7();
  const base = slugify(input.title);
  return withTransaction(db, async (tx) => {
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
    };
    // The plain slug reads best; when taken, a short suffix keeps it unique (insert decides, no check-then-act).
    let inserted = await insertProduct(tx, { ...row, slug: base });
    while (!inserted) inserted = await insertProduct(tx, { ...row, slug: withSuffix(base) });
    const created = await findProduct(tx, id);
    if (!created) throw new Error('product vanished inside its own transaction');
    const product = toProduct(created, locale);
    await appendEvent(tx, ProductCreated, {
      productId: product.id,
      sellerId: product.sellerId,
      slug: product.slug,
      title: product.title,
      price: product.price,
      status: product.status,
      createdAt: product.createdAt,
    });
    return product;
  });
}
