/**
 * The cart as the customer sees it: priced now by shop's quote (never by what the client says), with what
 * changed since the customer last looked (price, stock), and totals per seller. While shop is down it
 * answers from the last known prices and says so (`pricesStale`).
 */
import type { Cart, CartItem, CartNotice, Quote, QuoteLine, QuoteRequest } from '@sauda/contracts';
import { UpstreamProblem, UpstreamUnavailable } from '@sauda/kit';
import type { OrdersContext } from '../context.ts';
import type { ResolvedCart } from './resolve-cart.ts';
import { cartItems, reduceItem, saveQuote, type CartItemRow, type CartRow } from '../data/carts-repo.ts';

/** Below this many units left, the customer is told "only N left". */
export const LOW_STOCK = 5;

type Money = Cart['subtotal'];

/**
 * Prices the cart through shop, flags changes, and shapes the answer. `quoted` is a quote the caller just
 * made of this cart (adding an item): used when it covers exactly the cart's lines, else shop is asked.
 */
export async function viewCart(ctx: OrdersContext, cart: ResolvedCart, quoted?: Quote): Promise<Cart> {
  const items = cart.items ?? (await cartItems(ctx.db, cart.id));
  if (items.length === 0) return emptyCart(cart);
  const priced =
    quoted &&
    quotedLines(quoted.lines) ===
      quotedLines(items.map((i) => ({ variantId: i.variant_id, quantity: i.quantity })))
      ? await keepQuote(ctx, cart, quoted)
      : await quoteOrStale(ctx, cart, items);
  // Shop's quote carries the units stock last reported; stock itself is asked only when it does not.
  const available =
    unitsInQuote(priced, items) ??
    (await ctx.stock.availability(items.map((i) => i.variant_id)).catch(() => undefined));
  const lines: CartItem[] = [];
  for (const item of items) {
    const line = priced.lines.get(item.variant_id) ?? item.snapshot;
    lines.push(await itemView(ctx, item, line, available?.get(item.variant_id)));
  }
  return cartAnswer(ctx, cart, lines, priced);
}

interface Priced {
  quote: Quote | null;
  lines: Map<string, QuoteLine>;
  stale: boolean;
}

/** The quote request of the cart's lines `lines`, with its codes and customer (what the cart view prices). */
export function cartQuoteRequest(
  cart: CartRow,
  lines: Array<{ variantId: string; quantity: number }>,
): QuoteRequest {
  return {
    lines,
    ...(cart.promo_codes.length ? { promoCodes: cart.promo_codes } : {}),
    ...(cart.gift_cards.length ? { giftCards: cart.gift_cards } : {}),
    ...(cart.customer_id ? { customerId: cart.customer_id } : {}),
  };
}

const quotedLines = (lines: Array<{ variantId: string; quantity: number }>) =>
  lines
    .map((l) => `${l.variantId}×${l.quantity}`)
    .sort()
    .join(',');

/** Every line's units for sale as the quote gave them, or undefined when any line lacks them. */
function unitsInQuote(priced: Priced, items: CartItemRow[]): Map<string, number> | undefined {
  if (priced.stale) return undefined;
  const units = new Map<string, number>();
  for (const item of items) {
    const left = priced.lines.get(item.variant_id)?.unitsLeft;
    if (typeof left !== 'number') return undefined;
    units.set(item.variant_id, left);
  }
  return units;
}

async function keepQuote(ctx: OrdersContext, cart: CartRow, quote: Quote): Promise<Priced> {
  await saveQuote(ctx.db, cart, quote);
  return { quote, lines: new Map(quote.lines.map((l) => [l.variantId, l])), stale: false };
}

async function quoteOrStale(ctx: OrdersContext, cart: CartRow, items: CartItemRow[]): Promise<Priced> {
  let variants = items.map((i) => i.variant_id);
  for (let attempt = 0; attempt < 2 && variants.length > 0; attempt += 1) {
    try {
      const quote = await ctx.shop.quote(
        cartQuoteRequest(
          cart,
          items
            .filter((i) => variants.includes(i.variant_id))
            .map((i) => ({ variantId: i.variant_id, quantity: i.quantity })),
        ),
      );
      return await keepQuote(ctx, cart, quote);
    } catch (error) {
      // A variant shop no longer knows is shown as unavailable; the rest is quoted again without it.
      const unknown =
        error instanceof UpstreamProblem ? (error.problem['variantIds'] as string[] | undefined) : undefined;
      if (unknown?.length) {
        variants = variants.filter((v) => !unknown.includes(v));
        continue;
      }
      // Shop down or failing: the cart still answers, with the last known prices flagged as stale.
      if (error instanceof UpstreamUnavailable || (error instanceof UpstreamProblem && error.status >= 500))
        break;
      throw error;
    }
  }
  return { quote: null, lines: new Map(), stale: true };
}

async function itemView(
  ctx: OrdersContext,
  item: CartItemRow,
  line: QuoteLine | null,
  stockLeft: number | undefined,
): Promise<CartItem> {
  const notices: CartNotice[] = [...item.notices];
  let quantity = item.quantity;
  let available = line?.available ?? false;
  if (stockLeft !== undefined && available) {
    if (stockLeft <= 0) available = false;
    else if (stockLeft < quantity) {
      // Fewer units than asked for: take what there is and say so once.
      const notice: CartNotice = { code: 'quantity_reduced', available: stockLeft };
      await reduceItem(ctx.db, item.id, stockLeft, notice);
      quantity = stockLeft;
      notices.push(notice);
    } else if (stockLeft <= LOW_STOCK) notices.push({ code: 'low_stock', available: stockLeft });
  }
  if (!available) notices.push({ code: 'unavailable' });
  const currency = line?.unitPrice.currency ?? 'KZT';
  const unit = line?.unitPrice ?? { amount: Number(item.seen_price ?? 0), currency };
  if (item.seen_price !== null && Number(item.seen_price) !== unit.amount)
    notices.push({ code: 'price_changed', previousPrice: { amount: Number(item.seen_price), currency } });
  return {
    id: item.id,
    variantId: item.variant_id,
    productId: line?.productId ?? item.variant_id,
    sellerId: line?.sellerId ?? item.variant_id,
    title: line?.title ?? '',
    sku: line?.sku ?? '',
    imageUrl: line?.imageUrl ?? null,
    quantity,
    unitPrice: unit,
    compareAt: line?.compareAt ?? null,
    total: { amount: unit.amount * quantity, currency },
    available,
    notices,
  };
}

async function cartAnswer(
  ctx: OrdersContext,
  cart: CartRow,
  items: CartItem[],
  priced: Priced,
): Promise<Cart> {
  const currency = priced.quote?.currency ?? items[0]?.unitPrice.currency ?? 'KZT';
  const m = (amount: number): Money => ({ amount, currency });
  const quote = priced.quote;
  const live = items.filter((i) => i.available);
  const subtotal = live.reduce((a, i) => a + i.total.amount, 0);
  const sellerIds = [...new Set(items.map((i) => i.sellerId))];
  const names = new Map(
    await Promise.all(sellerIds.map(async (id) => [id, await ctx.users.sellerName(id)] as const)),
  );
  const sellers = quote
    ? quote.sellers.map((s) => ({ ...s, sellerName: names.get(s.sellerId) ?? 'Seller' }))
    : sellerIds.map((sellerId) => {
        const amount = live.filter((i) => i.sellerId === sellerId).reduce((a, i) => a + i.total.amount, 0);
        return {
          sellerId,
          sellerName: names.get(sellerId) ?? 'Seller',
          subtotal: m(amount),
          discount: m(0),
          total: m(amount),
          vat: m(0),
        };
      });
  return {
    id: cart.id,
    customerId: cart.customer_id,
    currency,
    items,
    sellers,
    promoCodes: quote
      ? quote.promos.map((p) => ({
          code: p.code,
          applied: p.applied,
          reason: p.reason,
          discount: p.discount,
        }))
      : cart.promo_codes.map((code) => ({
          code,
          applied: false,
          reason: 'SHOP_UNAVAILABLE',
          discount: m(0),
        })),
    giftCards: quote
      ? quote.giftCards.map((g) => ({
          code: g.code,
          usable: g.usable,
          reason: g.reason,
          amount: g.amount,
          balance: g.balance,
        }))
      : cart.gift_cards.map((code) => ({
          code,
          usable: false,
          reason: 'SHOP_UNAVAILABLE',
          amount: m(0),
          balance: null,
        })),
    itemCount: items.reduce((a, i) => a + i.quantity, 0),
    subtotal: quote?.subtotal ?? m(subtotal),
    discount: quote?.discount ?? m(0),
    vat: quote?.vat ?? m(0),
    vatRatePercent: quote?.vatRatePercent ?? cart.last_quote?.vatRatePercent ?? 0,
    giftCardAmount: quote?.giftCardAmount ?? m(0),
    total: quote?.total ?? m(subtotal),
    payable: quote?.payable ?? m(subtotal),
    freeShipping: quote?.freeShipping ?? false,
    allAvailable: items.length > 0 && items.every((i) => i.available) && !priced.stale,
    pricesStale: priced.stale,
    updatedAt: cart.updated_at.toISOString(),
  };
}

/** The answer for a cart with nothing in it. */
export function emptyCart(
  cart: Pick<CartRow, 'id' | 'customer_id' | 'promo_codes' | 'gift_cards'> & { updated_at?: Date },
): Cart {
  const zero: Money = { amount: 0, currency: 'KZT' };
  return {
    id: cart.id,
    customerId: cart.customer_id,
    currency: 'KZT',
    items: [],
    sellers: [],
    promoCodes: cart.promo_codes.map((code) => ({
      code,
      applied: false,
      reason: 'CART_EMPTY',
      discount: zero,
    })),
    giftCards: cart.gift_cards.map((code) => ({
      code,
      usable: false,
      reason: 'CART_EMPTY',
      amount: zero,
      balance: null,
    })),
    itemCount: 0,
    subtotal: zero,
    discount: zero,
    vat: zero,
    vatRatePercent: 0,
    giftCardAmount: zero,
    total: zero,
    payable: zero,
    freeShipping: false,
    allAvailable: false,
    pricesStale: false,
    updatedAt: (cart.updated_at ?? new Date()).toISOString(),
  };
}
