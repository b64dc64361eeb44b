/** Money rules of an order, in integer minor units: the per-seller payment split and partial refunds. */

/** Splits `amount` over `weights` in proportion, by largest remainder: never negative, every unit kept. */
export function prorate(amount: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const exact = weights.map((w) => (amount * w) / sum);
  const floors = exact.map(Math.floor);
  let left = amount - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/**
 * What each seller is paid through the payment: their total less their share of the gift cards spent on
 * the order (the delivery fee is the marketplace's). Sums to `sum(totals) - giftCardAmount`.
 */
export function sellerSplits(
  sellers: ReadonlyArray<{ sellerId: string; total: number }>,
  giftCardAmount: number,
): Array<{ sellerId: string; amount: number }> {
  const covered = prorate(
    Math.min(
      giftCardAmount,
      sellers.reduce((a, s) => a + s.total, 0),
    ),
    sellers.map((s) => s.total),
  );
  return sellers.map((s, i) => ({ sellerId: s.sellerId, amount: s.total - (covered[i] ?? 0) }));
}

/**
 * The money of `units` more cancelled (or returned) units of a line of `total` over `quantity` units, when
 * `before` were already taken back: cumulative rounding, so taking back every unit gives exactly `total`.
 */
export function unitsValue(total: number, quantity: number, before: number, units: number): number {
  const upTo = (n: number) => Math.floor((total * n) / quantity);
  return upTo(before + units) - upTo(before);
}

/**
 * How goods money taken back (cancelled or returned units worth `value`, after `before` already) splits into
 * the part paid through the payment and the part paid by gift cards. The rule is proportional and cumulative:
 * after every step payment + gift cards = the value taken back, and the gift cards never get back more than
 * they paid (`totalGoods - payableGoods`).
 */
export function takeBackSplit(
  value: number,
  before: number,
  payableGoods: number,
  totalGoods: number,
): { paid: number; gift: number } {
  if (totalGoods <= 0) return { paid: value, gift: 0 };
  const paidUpTo = (v: number) => Math.floor((Math.min(v, totalGoods) * payableGoods) / totalGoods);
  const paid = paidUpTo(before + value) - paidUpTo(before) + Math.max(0, before + value - totalGoods);
  return { paid, gift: value - paid };
}

/**
 * The cards that get `amount` more back after `before` was restored: cards are refilled in the order they
 * were applied at checkout, each up to what it paid, so repeated partial refunds never overfill one.
 */
export function giftCardShares(
  cards: ReadonlyArray<{ code: string; amount: number }>,
  before: number,
  amount: number,
): Array<{ code: string; amount: number }> {
  const fill = (total: number) => {
    let left = total;
    return cards.map((card) => {
      const taken = Math.min(card.amount, Math.max(0, left));
      left -= taken;
      return taken;
    });
  };
  const from = fill(before);
  const to = fill(before + amount);
  return cards
    .map((card, i) => ({ code: card.code, amount: (to[i] ?? 0) - (from[i] ?? 0) }))
    .filter((share) => share.amount > 0);
}
