/**
 * The pure pricing rules of a quote: line totals, promo codes (eligibility, scope, stacking, discount
 * allocation), per-seller totals with included VAT, and gift card amounts. No I/O: everything it needs
 * is passed in, so the rules are tested table by table.
 */
import { allocate, includedVat, percentOf } from './money-math.ts';
import { promoRejection, type PromoRule } from '../promos/promo-rules.ts';

/** A priced cart line as the catalog knows it now. */
export interface PricedLine {
  variantId: string;
  productId: string;
  sellerId: string;
  categoryId: string | null;
  title: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  compareAt: number | null;
  available: boolean;
}

/** A gift card as stored, for the quote to decide how much of it is usable. */
export interface GiftCardState {
  code: string;
  balance: number;
  currency: string;
  active: boolean;
  expiresAt: Date | null;
}

export interface PricingInput {
  currency: string;
  lines: PricedLine[];
  /** Requested codes in the customer's order; `undefined` rule = unknown code. */
  promos: Array<{ code: string; rule: PromoRule | undefined; customerUses: number }>;
  giftCards: Array<{ code: string; card: GiftCardState | undefined }>;
  customerId: string | null;
  vatRateBp: number;
  now: Date;
}

export interface PricedQuoteLine extends PricedLine {
  subtotal: number;
  discount: number;
  total: number;
}

export interface PricingResult {
  lines: PricedQuoteLine[];
  sellers: Array<{ sellerId: string; subtotal: number; discount: number; total: number; vat: number }>;
  promos: Array<{
    code: string;
    applied: boolean;
    reason: string | null;
    discount: number;
    freeShipping: boolean;
  }>;
  giftCards: Array<{
    code: string;
    usable: boolean;
    reason: string | null;
    balance: number | null;
    amount: number;
  }>;
  freeShipping: boolean;
  subtotal: number;
  discount: number;
  total: number;
  vat: number;
  giftCardAmount: number;
  payable: number;
  allAvailable: boolean;
  /** The canonical codes that applied: what checkout reserves. */
  appliedPromoCodes: string[];
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Prices a cart: see the module comment. Unavailable lines are shown but never counted. */
export function priceQuote(input: PricingInput): PricingResult {
  const lines = input.lines.map((l) => ({ ...l, subtotal: l.unitPrice * l.quantity, discount: 0, total: 0 }));
  const counted = lines.filter((l) => l.available);
  const { results: promos, appliedCodes } = applyPromos(input, counted);
  for (const line of lines) line.total = line.available ? line.subtotal - line.discount : 0;

  const sellers = new Map<string, PricingResult['sellers'][number]>();
  for (const line of counted) {
    const s = sellers.get(line.sellerId) ?? {
      sellerId: line.sellerId,
      subtotal: 0,
      discount: 0,
      total: 0,
      vat: 0,
    };
    s.subtotal += line.subtotal;
    s.discount += line.discount;
    s.total += line.total;
    sellers.set(line.sellerId, s);
  }
  // VAT is extracted per seller: each seller invoices their own part of the order.
  for (const s of sellers.values()) s.vat = includedVat(s.total, input.vatRateBp);
  const total = sum(counted.map((l) => l.total));
  const giftCards = applyGiftCards(input, total);
  const giftCardAmount = sum(giftCards.map((g) => g.amount));
  return {
    lines,
    sellers: [...sellers.values()],
    promos,
    giftCards,
    freeShipping: promos.some((p) => p.applied && p.freeShipping),
    subtotal: sum(counted.map((l) => l.subtotal)),
    discount: sum(counted.map((l) => l.discount)),
    total,
    vat: sum([...sellers.values()].map((s) => s.vat)),
    giftCardAmount,
    payable: total - giftCardAmount,
    allAvailable: lines.every((l) => l.available),
    appliedPromoCodes: appliedCodes,
  };
}

type Line = PricedQuoteLine;

function applyPromos(
  input: PricingInput,
  lines: Line[],
): { results: PricingResult['promos']; appliedCodes: string[] } {
  const seen = new Set<string>();
  const results: PricingResult['promos'] = [];
  const accepted: Array<{ rule: PromoRule; index: number; eligible: Line[] }> = [];
  for (const { code, rule, customerUses } of input.promos) {
    const key = code.toUpperCase();
    const reject = (reason: string) =>
      results.push({ code, applied: false, reason, discount: 0, freeShipping: false });
    if (seen.has(key)) {
      reject('PROMO_DUPLICATE');
      continue;
    }
    seen.add(key);
    const eligible = rule ? lines.filter((l) => inScope(rule, l)) : [];
    const reason = promoRejection(rule, {
      now: input.now,
      currency: input.currency,
      customerId: input.customerId,
      customerUses,
      eligibleSubtotal: sum(eligible.map((l) => l.subtotal)),
    });
    if (reason || !rule) {
      reject(reason ?? 'PROMO_NOT_FOUND');
      continue;
    }
    // Stacking: the first valid code wins; a non-stackable code never combines with any other.
    const first = accepted[0];
    if (first && (!first.rule.stackable || !rule.stackable)) {
      reject('PROMO_NOT_STACKABLE');
      continue;
    }
    accepted.push({ rule, index: results.length, eligible });
    results.push({
      code,
      applied: true,
      reason: null,
      discount: 0,
      freeShipping: rule.kind === 'free_shipping',
    });
  }
  // Percentages first, then fixed amounts on what is left, so the order codes are typed in does not matter.
  const ordered = [...accepted].sort((a, b) => kindOrder(a.rule) - kindOrder(b.rule));
  for (const { rule, index, eligible } of ordered) {
    const remaining = eligible.map((l) => l.subtotal - l.discount);
    const left = sum(remaining);
    const wanted =
      rule.kind === 'percentage'
        ? percentOf(left, rule.percent ?? 0)
        : rule.kind === 'fixed'
          ? Math.min(rule.amount ?? 0, left)
          : 0;
    const parts = allocate(wanted, remaining);
    eligible.forEach((line, i) => (line.discount += parts[i] ?? 0));
    const result = results[index];
    if (result) result.discount = wanted;
  }
  return { results, appliedCodes: accepted.map((a) => a.rule.code) };
}

const kindOrder = (rule: PromoRule): number =>
  rule.kind === 'percentage' ? 0 : rule.kind === 'fixed' ? 1 : 2;

function inScope(rule: PromoRule, line: Line): boolean {
  const { categoryIds, sellerIds, productIds } = rule.scope;
  return (
    (categoryIds.length === 0 || (line.categoryId !== null && categoryIds.includes(line.categoryId))) &&
    (sellerIds.length === 0 || sellerIds.includes(line.sellerId)) &&
    (productIds.length === 0 || productIds.includes(line.productId))
  );
}

function applyGiftCards(input: PricingInput, total: number): PricingResult['giftCards'] {
  const seen = new Set<string>();
  let left = total;
  return input.giftCards.map(({ code, card }) => {
    const no = (reason: string) => ({
      code,
      usable: false,
      reason,
      balance: card?.balance ?? null,
      amount: 0,
    });
    if (seen.has(code.toUpperCase())) return no('GIFT_CARD_DUPLICATE');
    seen.add(code.toUpperCase());
    if (!card) return { ...no('GIFT_CARD_NOT_FOUND'), balance: null };
    if (!card.active) return no('GIFT_CARD_DISABLED');
    if (card.expiresAt && card.expiresAt <= input.now) return no('GIFT_CARD_EXPIRED');
    if (card.currency !== input.currency) return no('GIFT_CARD_CURRENCY_MISMATCH');
    if (card.balance <= 0) return no('GIFT_CARD_EMPTY');
    const amount = Math.min(card.balance, left);
    left -= amount;
    return { code, usable: true, reason: null, balance: card.balance, amount };
  });
}
