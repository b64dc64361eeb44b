/** Publishes a product's snapshot through the outbox, in the caller's transaction. */
import { ProductArchived, ProductCreated, ProductHidden, ProductUpdated } from '@sauda/contracts';
import { appendEvent, type Tx } from '@sauda/kit';
import { listVariants, variantTitle } from '../data/variants-repo.ts';

interface SnapshotRow {
  id: string;
  seller_id: string;
  slug: string;
  title: string;
  price_amount: string;
  currency: 'KZT' | 'USD' | 'EUR' | 'RUB';
  status: 'draft' | 'active' | 'archived';
  category_id: string | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

/**
 * `created`, `updated`, `archived` or `hidden`: stock keeps its SKU read model and users its shop
 * counters from these; the catalog cache of every replica is invalidated by them.
 */
export async function announceProduct(
  tx: Tx,
  productId: string,
  kind: 'created' | 'updated' | 'archived' | 'hidden',
): Promise<void> {
  const [p] = await tx<SnapshotRow[]>`select * from products where id = ${productId}`;
  if (!p) throw new Error(`product ${productId} vanished inside its own transaction`);
  const variants = (await listVariants(tx, [productId])).map((v) => ({
    variantId: v.id,
    sku: v.sku,
    title: variantTitle(p.title, v.options),
    weightGrams: v.weight_grams,
  }));
  const price = { amount: Number(p.price_amount), currency: p.currency };
  const common = { productId: p.id, sellerId: p.seller_id, slug: p.slug, title: p.title, price, variants };
  if (kind === 'created') {
    await appendEvent(tx, ProductCreated, {
      ...common,
      status: p.status,
      categoryId: p.category_id,
      createdAt: p.created_at.toISOString(),
    });
    return;
  }
  // Archive and hide also carry the full snapshot in `updated`, so a consumer of that one event alone
  // (e.g. a read model) is always complete.
  await appendEvent(tx, ProductUpdated, {
    ...common,
    status: p.status,
    categoryId: p.category_id,
    hidden: p.hidden_at !== null,
    updatedAt: p.updated_at.toISOString(),
  });
  if (kind === 'archived')
    await appendEvent(tx, ProductArchived, {
      productId: p.id,
      sellerId: p.seller_id,
      archivedAt: p.updated_at.toISOString(),
    });
  if (kind === 'hidden' && p.hidden_at)
    await appendEvent(tx, ProductHidden, {
      productId: p.id,
      sellerId: p.seller_id,
      reason: p.hidden_reason ?? '',
      hiddenAt: p.hidden_at.toISOString(),
    });
}
