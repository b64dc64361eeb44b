/** The catalog cache listens to the service's own product events (every replica's writes, scheduled prices). */
import { ProductArchived, ProductCreated, ProductHidden, ProductUpdated } from '@sauda/contracts';
import type { Consumer } from '@sauda/kit';
import type { CatalogCache } from './catalog-cache.ts';

/** Registers the handlers on `consumer`: any product event clears the cached answers. */
export function invalidateOnProductEvents(consumer: Consumer, cache: CatalogCache): Consumer {
  const invalidate = async () => cache.invalidate();
  return consumer
    .on(ProductCreated, invalidate)
    .on(ProductUpdated, invalidate)
    .on(ProductArchived, invalidate)
    .on(ProductHidden, invalidate);
}
