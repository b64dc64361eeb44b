/** Pure shaping of a cart for its pages: line notices as message descriptors, lines grouped per seller. */
import type { Cart, CartItem, CartNotice, Money } from '@sauda/contracts';

/** One notice as the page shows it: the message key in the `cart` namespace, its values and its tone. */
export interface NoticeView {
  key: `notices.${CartNotice['code']}`;
  values: { previous?: Money; available?: number };
  tone: 'info' | 'warning' | 'error';
}

const TONES: Record<CartNotice['code'], NoticeView['tone']> = {
  price_changed: 'info',
  low_stock: 'warning',
  quantity_reduced: 'warning',
  unavailable: 'error',
};

/** What changed on a line since the customer last saw it; an unavailable line says only that. */
export function noticesOf(item: Pick<CartItem, 'available' | 'notices'>): NoticeView[] {
  const notices: CartNotice[] = item.available
    ? item.notices
    : [item.notices.find((notice) => notice.code === 'unavailable') ?? { code: 'unavailable' as const }];
  return notices.map((notice) => ({
    key: `notices.${notice.code}`,
    values: {
      ...(notice.previousPrice ? { previous: notice.previousPrice } : {}),
      ...(notice.available !== undefined ? { available: notice.available } : {}),
    },
    tone: TONES[notice.code],
  }));
}

/** Whether the price went down (good news) or up since the line was added. */
export function priceWentDown(item: Pick<CartItem, 'unitPrice' | 'notices'>): boolean {
  const previous = item.notices.find((notice) => notice.code === 'price_changed')?.previousPrice;
  return previous !== undefined && item.unitPrice.amount < previous.amount;
}

/** One seller's part of the cart: their totals and their lines, in the cart's order. */
export interface SellerGroup {
  sellerId: string;
  sellerName: string;
  totals: Cart['sellers'][number] | null;
  items: CartItem[];
}

/** The cart's lines grouped by seller: sellers in the order of their first line. */
export function groupBySeller(cart: Pick<Cart, 'items' | 'sellers'>): SellerGroup[] {
  const groups = new Map<string, SellerGroup>();
  for (const item of cart.items) {
    let group = groups.get(item.sellerId);
    if (!group) {
      const totals = cart.sellers.find((seller) => seller.sellerId === item.sellerId) ?? null;
      group = { sellerId: item.sellerId, sellerName: totals?.sellerName ?? '', totals, items: [] };
      groups.set(item.sellerId, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

/** The largest quantity a stepper may offer for a line (what is left, capped by what the API accepts). */
export function maxQuantity(item: Pick<CartItem, 'notices'>): number {
  const left = item.notices.find((notice) => notice.available !== undefined)?.available;
  return Math.max(1, Math.min(999, left ?? 999));
}
