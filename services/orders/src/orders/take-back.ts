/**
 * Goods money an order gives back (cancelled lines of a confirmed order, an inspected return), split between
 * the payment and the gift cards spent on it by the rule in `money.ts`, and booked on the order.
 */
import type { Tx } from '@sauda/kit';
import { giftCardShares, takeBackSplit } from './money.ts';

/** What goes back through the payment (`paid`) and to which gift card (`giftCards`). */
export interface TakenBack {
  paid: number;
  giftCards: Array<{ code: string; amount: number }>;
}

/** Books `value` of goods taken back on the order (locked here) and answers its split. */
export async function takeBack(tx: Tx, orderId: string, value: number): Promise<TakenBack> {
  const [order] = await tx<
    Array<{
      payable: string;
      delivery_fee: string;
      total: string;
      taken_back: string;
      gift_card_restored: string;
      gift_cards: Array<{ code: string; amount: number }>;
    }>
  >`select payable, delivery_fee, total, taken_back, gift_card_restored, gift_cards
    from orders where id = ${orderId} for update`;
  if (!order || value <= 0) return { paid: 0, giftCards: [] };
  const split = takeBackSplit(
    value,
    Number(order.taken_back),
    Number(order.payable) - Number(order.delivery_fee),
    Number(order.total),
  );
  const giftCards = giftCardShares(order.gift_cards, Number(order.gift_card_restored), split.gift);
  const restored = giftCards.reduce((sum, g) => sum + g.amount, 0);
  await tx`
    update orders set taken_back = taken_back + ${value}, gift_card_restored = gift_card_restored + ${restored}
    where id = ${orderId}`;
  return { paid: split.paid, giftCards };
}
