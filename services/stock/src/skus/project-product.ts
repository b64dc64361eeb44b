/** Keeps the SKU read model (variant → sku, product, seller, title) in step with `shop`'s product snapshots. */
import type { EventData, ProductCreated, ProductUpdated } from '@sauda/contracts';
import type { Tx } from '@sauda/kit';

type Snapshot = EventData<typeof ProductCreated> | EventData<typeof ProductUpdated>;

/**
 * Upserts every variant of the snapshot. An older snapshot arriving late never overwrites a newer one
 * (`updated_at` guard). Variants missing from a snapshot keep their row: their stock history stays readable.
 */
export async function projectProduct(tx: Tx, product: Snapshot): Promise<void> {
  const at = 'updatedAt' in product ? product.updatedAt : product.createdAt;
  for (const variant of product.variants) {
    const title =
      variant.title && variant.title !== product.title
        ? `${product.title} — ${variant.title}`
        : product.title;
    await tx`
      insert into skus (variant_id, sku, product_id, seller_id, title, weight_grams, updated_at)
      values (${variant.variantId}, ${variant.sku}, ${product.productId}, ${product.sellerId}, ${title},
              ${variant.weightGrams}, ${at})
      on conflict (variant_id) do update set
        sku = excluded.sku, product_id = excluded.product_id, seller_id = excluded.seller_id,
        title = excluded.title, weight_grams = excluded.weight_grams, updated_at = excluded.updated_at
      where skus.updated_at <= excluded.updated_at`;
  }
}
