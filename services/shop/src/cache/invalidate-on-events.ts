/** The catalog cache listens to the service's own product events (every replica's writes, scheduled prices). */
import { ProductArchived, ProductCreated, ProductHidden, ProductUpdated } from '@sauda/contracts';
import type { Consumer } from '@sauda/kit';
import type { CatalogCache } from './catalog-cache.ts';

/**
 * Registers the handlers on `consumer`: a product event drops that product's pages and every listing (the
 * change feed, ADR 0009, does the same within a poll; the event may come first).
 */
export function invalidateOnProductEvents(consumer: Consumer, cache: CatalogCache): Consumer {
  const invalidate = async (event: { data: { productId: string } }) =>
    cache.invalidateProducts([event.data.productId]);
  return consumer
    .on(ProductCreated, invalidate)
    .on(ProductUpdated, invalidate)
    .on(ProductArchived, invalidate)
    .on(ProductHidden, invalidate);
}
