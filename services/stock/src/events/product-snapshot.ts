/** `shop.product.created.v1` and `shop.product.updated.v1`: keep the SKU read model current. */
import type { ProductCreated, ProductUpdated } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { projectProduct } from '../skus/project-product.ts';

/** A new product's variants become SKUs stock can hold. */
export const onProductCreated: EventHandler<typeof ProductCreated> = (event, tx) =>
  projectProduct(tx, event.data);

/** A changed product replaces its variants' SKU rows (older snapshots never win). */
export const onProductUpdated: EventHandler<typeof ProductUpdated> = (event, tx) =>
  projectProduct(tx, event.data);
