/** Adding a variant to the cart: shop must know it and sell it now; the price seen is remembered. */
import type { Quote } from '@sauda/contracts';
import { UpstreamProblem } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import { addItem, cartItems, type CartItemRow } from '../data/carts-repo.ts';
import { CartFull, VariantUnavailable } from '../errors.ts';
import type { ResolvedCart } from './resolve-cart.ts';
import { cartQuoteRequest } from './view-cart.ts';

/** At most this many different items in one cart (a quote takes at most 100 lines). */
export const MAX_LINES = 100;
// The most units of one line (as `addItem` caps them).
const MAX_QUANTITY = 999;

/**
 * Adds `quantity` units of `variantId` (summing with the same line). Shop prices the whole cart with the
 * item in it, so the cart view that follows reuses that quote (one call to shop instead of two, issue 13);
 * answers it (undefined when shop could only price the item alone) and the cart's lines after the change.
 */
export async function addCartItem(
  ctx: OrdersContext,
  cart: ResolvedCart,
  input: { variantId: string; quantity: number },
): Promise<{ quote: Quote | undefined; items: CartItemRow[] }> {
  const items = cart.items ?? (await cartItems(ctx.db, cart.id));
  if (items.length >= MAX_LINES && !items.some((i) => i.variant_id === input.variantId)) throw new CartFull();
  const lines = items.map((i) => ({ variantId: i.variant_id, quantity: i.quantity }));
  const same = lines.find((l) => l.variantId === input.variantId);
  if (same) same.quantity = Math.min(same.quantity + input.quantity, MAX_QUANTITY);
  else lines.push({ variantId: input.variantId, quantity: input.quantity });
  // Shop refusing the whole cart (another line gone, a code) falls back to pricing the item alone.
  const whole = await ctx.shop.quote(cartQuoteRequest(cart, lines)).catch((error: unknown) => {
    if (error instanceof UpstreamProblem && error.status < 500) return undefined;
    throw error;
  });
  const line = whole
    ? whole.lines.find((l) => l.variantId === input.variantId)
    : (await quoteItem(ctx, input)).lines[0];
  if (!line?.available) throw new VariantUnavailable();
  const after = await addItem(ctx.db, cart.id, {
    variantId: input.variantId,
    quantity: input.quantity,
    price: line.unitPrice.amount,
    snapshot: line,
  });
  return { quote: whole, items: after };
}

function quoteItem(ctx: OrdersContext, input: { variantId: string; quantity: number }): Promise<Quote> {
  return ctx.shop
    .quote({ lines: [{ variantId: input.variantId, quantity: input.quantity }] })
    .catch((error: unknown) => {
      if (error instanceof UpstreamProblem && error.status < 500) throw new VariantUnavailable();
      throw error;
    });
}
