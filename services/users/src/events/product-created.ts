/** `shop.product.created.v1`: the seller's shop counts the new product. */
import type { ProductCreated } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import { countSellerProduct } from '../shops/count-seller-product.ts';

/** Runs inside the consumer's transaction, after the inbox recorded the event id: once per event. */
export const onProductCreated: EventHandler<typeof ProductCreated> = (event, tx) =>
  countSellerProduct(tx, event.data);
