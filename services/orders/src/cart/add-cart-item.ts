/** Adding a variant to the cart: shop must know it and sell it now; the price seen is remembered. */
import { UpstreamProblem } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import { addItem, cartItems, type CartRow } from '../data/carts-repo.ts';
import { CartFull, VariantUnavailable } from '../errors.ts';

/** At most this many different items in one cart (a quote takes at most 100 lines). */
export const MAX_LINES = 100;

/** Adds `quantity` units of `variantId` (summing with the same line). */
export async function addCartItem(
  ctx: OrdersContext,
  cart: CartRow,
  input: { variantId: string; quantity: number },
): Promise<void> {
  const items = await cartItems(ctx.db, cart.id);
  if (items.length >= MAX_LINES && !items.some((i) => i.variant_id === input.variantId)) throw new CartFull();
  const quote = await ctx.shop
    .quote({ lines: [{ variantId: input.variantId, quantity: input.quantity }] })
    .catch((error: unknown) => {
      if (error instanceof UpstreamProblem && error.status < 500) throw new VariantUnavailable();
      throw error;
    });
  const line = quote.lines[0];
  if (!line?.available) throw new VariantUnavailable();
  await addItem(ctx.db, cart.id, {
    variantId: input.variantId,
    quantity: input.quantity,
    price: line.unitPrice.amount,
    snapshot: line,
  });
}
