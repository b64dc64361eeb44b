/**
 * Shop's product events keep the index current: a created or changed product is re-read from shop's
 * public API (so only what the storefront shows is indexed), an archived or hidden one leaves at once.
 */
import type { ProductArchived, ProductCreated, ProductHidden, ProductUpdated } from '@sauda/contracts';
import type { EventHandler } from '@sauda/kit';
import type { AssistantContext } from '../context.ts';
import { refreshProduct } from '../catalog/load-catalog.ts';

type Ctx = Pick<AssistantContext, 'clients' | 'index' | 'paths'>;

/** `shop.product.created.v1`: an active product becomes findable. */
export const onProductCreated =
  (ctx: Ctx): EventHandler<typeof ProductCreated> =>
  async (event) => {
    if (event.data.status !== 'active') return;
    await refreshProduct(ctx.clients.shop, ctx.index, ctx.paths, event.data.productId);
  };

/** `shop.product.updated.v1`: re-read, or drop when no longer on sale. */
export const onProductUpdated =
  (ctx: Ctx): EventHandler<typeof ProductUpdated> =>
  async (event) => {
    if (event.data.status !== 'active' || event.data.hidden) ctx.index.remove(event.data.productId);
    else await refreshProduct(ctx.clients.shop, ctx.index, ctx.paths, event.data.productId);
  };

/** `shop.product.archived.v1`. */
export const onProductArchived =
  (ctx: Ctx): EventHandler<typeof ProductArchived> =>
  async (event) => {
    ctx.index.remove(event.data.productId);
  };

/** `shop.product.hidden.v1`. */
export const onProductHidden =
  (ctx: Ctx): EventHandler<typeof ProductHidden> =>
  async (event) => {
    ctx.index.remove(event.data.productId);
  };
