import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PromoRule } from '../promos/promo-rules.ts';
import { priceQuote, type PricedLine, type PricingInput, type PricingResult } from './pricing.ts';

const S1 = '01940000-0000-7000-8000-0000000000a1';
const S2 = '01940000-0000-7000-8000-0000000000a2';
const PHONES = '01900000-0000-7000-8000-0000000c0002';
const now = new Date('2026-11-21T10:00:00Z');

const line = (n: number, unitPrice: number, quantity = 1, extra: Partial<PricedLine> = {}): PricedLine => ({
  variantId: `v${n}`,
  productId: `p${n}`,
  sellerId: n % 2 ? S1 : S2,
  categoryId: n <= 2 ? PHONES : null,
  title: `Item ${n}`,
  sku: `SKU-${n}`,
  quantity,
  unitPrice,
  compareAt: null,
  available: true,
  ...extra,
});

const promo = (code: string, extra: Partial<PromoRule>): PromoRule => ({
  id: code,
  code,
  kind: 'percentage',
  percent: 10,
  amount: null,
  currency: null,
  minBasket: null,
  scope: { categoryIds: [], sellerIds: [], productIds: [] },
  startsAt: null,
  endsAt: null,
  usageLimit: null,
  perCustomerLimit: null,
  usedCount: 0,
  stackable: false,
  active: true,
  ...extra,
});

const input = (
  lines: PricedLine[],
  promos: PromoRule[] = [],
  extra: Partial<PricingInput> = {},
): PricingInput => ({
  currency: 'KZT',
  lines,
  promos: promos.map((rule) => ({ code: rule.code, rule, customerUses: 0 })),
  giftCards: [],
  customerId: 'c1',
  vatRateBp: 1200,
  now,
  ...extra,
});

/** The invariants every quote keeps, whatever the rules did. */
function expectInvariants(result: PricingResult): void {
  const counted = result.lines.filter((l) => l.available);
  expect(result.sellers.reduce((a, s) => a + s.total, 0)).toBe(result.total);
  expect(counted.reduce((a, l) => a + l.total, 0)).toBe(result.total);
  expect(result.subtotal - result.discount).toBe(result.total);
  expect(result.promos.reduce((a, p) => a + p.discount, 0)).toBe(result.discount);
  for (const l of result.lines) {
    expect(l.discount).toBeGreaterThanOrEqual(0);
    expect(l.discount).toBeLessThanOrEqual(l.subtotal);
    expect(Number.isInteger(l.total)).toBe(true);
  }
  for (const s of result.sellers) expect(s.vat).toBeLessThanOrEqual(s.total);
  expect(result.giftCardAmount).toBeLessThanOrEqual(result.total);
  expect(result.payable).toBe(result.total - result.giftCardAmount);
}

describe('quote pricing rules', () => {
  const cases: Array<{
    name: string;
    in: PricingInput;
    total: number;
    promos?: Array<string | null>;
    freeShipping?: boolean;
  }> = [
    {
      name: 'no promo: total is the sum of lines',
      in: input([line(1, 10_000, 2), line(2, 5_000)]),
      total: 25_000,
    },
    {
      name: '10 % off everything',
      in: input([line(1, 10_000, 2), line(2, 5_000)], [promo('TEN', {})]),
      total: 22_500,
      promos: [null],
    },
    {
      name: 'fixed amount larger than the basket is capped at the basket',
      in: input([line(1, 3_000)], [promo('BIG', { kind: 'fixed', amount: 10_000, currency: 'KZT' })]),
      total: 0,
      promos: [null],
    },
    {
      name: 'fixed amount in another currency does not apply',
      in: input([line(1, 3_000)], [promo('USD5', { kind: 'fixed', amount: 500, currency: 'USD' })]),
      total: 3_000,
      promos: ['PROMO_CURRENCY_MISMATCH'],
    },
    {
      name: 'minimum basket not met',
      in: input([line(1, 3_000)], [promo('MIN', { minBasket: { amount: 5_000, currency: 'KZT' } })]),
      total: 3_000,
      promos: ['PROMO_MIN_BASKET_NOT_MET'],
    },
    {
      name: 'category scope discounts only phones (lines 1 and 2), not line 3',
      in: input(
        [line(1, 10_000), line(2, 10_000), line(3, 10_000)],
        [promo('PHONES', { percent: 50, scope: { categoryIds: [PHONES], sellerIds: [], productIds: [] } })],
      ),
      total: 20_000,
      promos: [null],
    },
    {
      name: 'seller scope with no matching line is not applicable',
      in: input(
        [line(2, 10_000)],
        [promo('S1ONLY', { scope: { categoryIds: [], sellerIds: [S1], productIds: [] } })],
      ),
      total: 10_000,
      promos: ['PROMO_NOT_APPLICABLE'],
    },
    {
      name: 'product scope',
      in: input(
        [line(1, 10_000), line(3, 10_000)],
        [
          promo('P3', {
            kind: 'fixed',
            amount: 1_000,
            currency: 'KZT',
            scope: { categoryIds: [], sellerIds: [], productIds: ['p3'] },
          }),
        ],
      ),
      total: 19_000,
      promos: [null],
    },
    {
      name: 'not started, expired, inactive, exhausted',
      in: input(
        [line(1, 10_000)],
        [
          promo('LATER', { startsAt: new Date('2026-12-01T00:00:00Z') }),
          promo('PAST', { endsAt: new Date('2026-11-01T00:00:00Z') }),
          promo('OFF', { active: false }),
          promo('GONE', { usageLimit: 5, usedCount: 5 }),
        ],
      ),
      total: 10_000,
      promos: ['PROMO_NOT_STARTED', 'PROMO_EXPIRED', 'PROMO_INACTIVE', 'PROMO_USAGE_LIMIT_REACHED'],
    },
    {
      name: 'per-customer limit needs a signed-in customer',
      in: input([line(1, 10_000)], [promo('ONCE', { perCustomerLimit: 1 })], { customerId: null }),
      total: 10_000,
      promos: ['PROMO_SIGN_IN_REQUIRED'],
    },
    {
      name: 'a non-stackable code blocks the next one',
      in: input([line(1, 10_000)], [promo('A', {}), promo('B', { stackable: true })]),
      total: 9_000,
      promos: [null, 'PROMO_NOT_STACKABLE'],
    },
    {
      name: 'stackable codes combine: percentage first, then the fixed amount',
      in: input(
        [line(1, 10_000)],
        [
          promo('FIX', { kind: 'fixed', amount: 1_000, currency: 'KZT', stackable: true }),
          promo('PCT', { percent: 10, stackable: true }),
          promo('SHIP', { kind: 'free_shipping', stackable: true }),
        ],
      ),
      total: 8_000,
      promos: [null, null, null],
      freeShipping: true,
    },
    {
      name: 'the same code twice counts once',
      in: input([line(1, 10_000)], [promo('TEN', { stackable: true }), promo('ten', { stackable: true })]),
      total: 9_000,
      promos: [null, 'PROMO_DUPLICATE'],
    },
    {
      name: 'an unavailable line is shown but not counted',
      in: input([line(1, 10_000), line(2, 7_000, 1, { available: false })], [promo('TEN', {})]),
      total: 9_000,
      promos: [null],
    },
    {
      name: 'odd amounts: 33 % of three 1-tiyn lines rounds down and never goes negative',
      in: input([line(1, 1), line(2, 1), line(3, 1)], [promo('P33', { percent: 33 })]),
      total: 3,
      promos: [null],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = priceQuote(c.in);
      expect(result.total).toBe(c.total);
      if (c.promos) expect(result.promos.map((p) => p.reason)).toEqual(c.promos);
      expect(result.freeShipping).toBe(c.freeShipping ?? false);
      expectInvariants(result);
    });
  }

  it('extracts 12 % VAT from VAT-inclusive prices per seller', () => {
    const result = priceQuote(input([line(1, 112_000), line(2, 56_000)]));
    expect(result.sellers.map((s) => [s.sellerId, s.vat])).toEqual([
      [S1, 12_000],
      [S2, 6_000],
    ]);
    expect(result.vat).toBe(18_000);
  });

  it('uses gift cards in order, partially, never beyond the total', () => {
    const card = (code: string, balance: number, extra = {}) => ({
      code,
      card: { code, balance, currency: 'KZT', active: true, expiresAt: null, ...extra },
    });
    const result = priceQuote(
      input([line(1, 10_000)], [], {
        giftCards: [
          card('G1', 4_000),
          card('G2', 9_000),
          card('G3', 5_000),
          card('OLD', 5_000, { expiresAt: new Date('2026-01-01') }),
          { code: 'NOPE', card: undefined },
        ],
      }),
    );
    expect(result.giftCards.map((g) => [g.code, g.amount, g.reason])).toEqual([
      ['G1', 4_000, null],
      ['G2', 6_000, null],
      ['G3', 0, null],
      ['OLD', 0, 'GIFT_CARD_EXPIRED'],
      ['NOPE', 0, 'GIFT_CARD_NOT_FOUND'],
    ]);
    expect(result.payable).toBe(0);
    expectInvariants(result);
  });

  it('conserves every minor unit for any basket and any stack of codes (property)', () => {
    const lineArb = fc.record({
      n: fc.integer({ min: 1, max: 6 }),
      price: fc.integer({ min: 1, max: 5_000_000_000 }),
      quantity: fc.integer({ min: 1, max: 999 }),
      available: fc.boolean(),
    });
    const promoArb = fc.oneof(
      fc.integer({ min: 1, max: 100 }).map((percent) => promo(`P${percent}`, { percent, stackable: true })),
      fc
        .integer({ min: 1, max: 10_000_000 })
        .map((amount) => promo(`F${amount}`, { kind: 'fixed', amount, currency: 'KZT', stackable: true })),
    );
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 8 }),
        fc.array(promoArb, { maxLength: 4 }),
        (ls, ps) => {
          const lines = ls.map((l, i) => ({
            ...line(l.n, l.price, l.quantity, { available: l.available }),
            variantId: `v${i}`,
          }));
          expectInvariants(priceQuote(input(lines, ps)));
        },
      ),
    );
  });
});
