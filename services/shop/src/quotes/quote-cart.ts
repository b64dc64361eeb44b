/**
 * The authoritative quote of a cart: current variant prices and availability from the catalog, promo
 * codes with the customer's usage, gift card balances — then the pure pricing rules. Nothing the client
 * says about prices is read.
 */
import type { Quote, QuoteRequest } from '@sauda/contracts';
import type { Queryable } from '@sauda/kit';
import { QuoteCurrencyUnsupported, QuoteMixedCurrencies, VariantNotFound } from '../commerce-errors.ts';
import { findGiftCardsByCodes, normaliseCode } from '../data/gift-cards-repo.ts';
import { customerUses, findPromosByCodes, toRule } from '../data/promos-repo.ts';
import { findVariantsForQuote, type QuoteVariant } from '../data/variants-repo.ts';
import { priceQuote, type PricingResult } from './pricing.ts';

/** Where variants come from (the catalog's `findVariantsForQuote`; tests may pass their own). */
export type VariantSource = (db: Queryable, variantIds: string[]) => Promise<QuoteVariant[]>;

/** VAT rates per country in basis points; prices are VAT-inclusive. */
export type VatRates = Readonly<Record<string, number>>;

/** Quotes a cart for `customerId` (null for a guest) at `now`. */
export async function quoteCart(
  db: Queryable,
  request: QuoteRequest,
  customerId: string | null,
  vatRates: VatRates,
  now = new Date(),
  variants: VariantSource = findVariantsForQuote,
): Promise<Quote> {
  const found = new Map(
    (
      await variants(
        db,
        request.lines.map((l) => l.variantId),
      )
    ).map((v) => [v.variantId, v]),
  );
  const missing = request.lines.filter((l) => !found.has(l.variantId)).map((l) => l.variantId);
  if (missing.length > 0)
    throw new VariantNotFound(`unknown variants: ${missing.join(', ')}`, { variantIds: missing });
  const currencies = new Set([...found.values()].map((v) => v.currency));
  const [currency] = currencies;
  if (currencies.size > 1 || !currency) throw new QuoteMixedCurrencies([...currencies].join(', '));
  // Display conversion is the catalog's business; an order is charged in the currency its products are sold in.
  if (request.currency && request.currency !== currency)
    throw new QuoteCurrencyUnsupported(`sold in ${currency}`);

  const codes = request.promoCodes ?? [];
  const promoRows = await findPromosByCodes(db, codes);
  const uses = await customerUses(
    db,
    customerId,
    promoRows.map((p) => p.id),
  );
  const cards = await findGiftCardsByCodes(db, request.giftCards ?? []);
  const country = request.country ?? 'KZ';
  const vatRateBp = vatRates[country] ?? 0;

  const result = priceQuote({
    currency,
    customerId,
    now,
    vatRateBp,
    lines: request.lines.map((l) => {
      const v = found.get(l.variantId) as QuoteVariant;
      return {
        variantId: v.variantId,
        productId: v.productId,
        sellerId: v.sellerId,
        categoryId: v.categoryId,
        title: v.title,
        sku: v.sku,
        quantity: l.quantity,
        unitPrice: v.price.amount,
        compareAt: v.compareAt?.amount ?? null,
        available: v.status === 'active',
      };
    }),
    promos: codes.map((code) => {
      const row = promoRows.find((p) => p.code.toUpperCase() === code.toUpperCase());
      return { code, rule: row && toRule(row), customerUses: row ? (uses.get(row.id) ?? 0) : 0 };
    }),
    giftCards: (request.giftCards ?? []).map((code) => {
      const card = cards.find((c) => c.code === normaliseCode(code));
      return {
        code,
        card: card && {
          code: card.code,
          balance: Number(card.balance),
          currency: card.currency,
          active: card.status === 'active',
          expiresAt: card.expires_at,
        },
      };
    }),
  });
  const quote = toQuote(result, currency, country, vatRateBp, now);
  for (const line of quote.lines) {
    const variant = found.get(line.variantId);
    line.imageUrl = variant?.imageUrl ?? null;
    if (variant?.weightGrams !== undefined) line.weightGrams = variant.weightGrams;
    if (variant?.unitsLeft !== undefined) line.unitsLeft = variant.unitsLeft;
  }
  return quote;
}

function toQuote(
  r: PricingResult,
  currency: QuoteVariant['currency'],
  country: string,
  vatRateBp: number,
  now: Date,
): Quote {
  const m = (amount: number) => ({ amount, currency });
  return {
    currency,
    country,
    vatRatePercent: vatRateBp / 100,
    lines: r.lines.map((l) => ({
      variantId: l.variantId,
      productId: l.productId,
      sellerId: l.sellerId,
      title: l.title,
      sku: l.sku,
      quantity: l.quantity,
      available: l.available,
      unitPrice: m(l.unitPrice),
      compareAt: l.compareAt === null ? null : m(l.compareAt),
      subtotal: m(l.subtotal),
      discount: m(l.discount),
      total: m(l.total),
    })),
    sellers: r.sellers.map((s) => ({
      sellerId: s.sellerId,
      subtotal: m(s.subtotal),
      discount: m(s.discount),
      total: m(s.total),
      vat: m(s.vat),
    })),
    promos: r.promos.map((p) => ({ ...p, discount: m(p.discount) })),
    giftCards: r.giftCards.map((g) => ({
      ...g,
      balance: g.balance === null ? null : m(g.balance),
      amount: m(g.amount),
    })),
    freeShipping: r.freeShipping,
    subtotal: m(r.subtotal),
    discount: m(r.discount),
    total: m(r.total),
    vat: m(r.vat),
    giftCardAmount: m(r.giftCardAmount),
    payable: m(r.payable),
    allAvailable: r.allAvailable,
    quotedAt: now.toISOString(),
    appliedPromoCodes: r.appliedPromoCodes,
  };
}
