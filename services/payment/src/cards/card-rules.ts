/** Card number rules: Luhn, brand from the BIN, expiry. Pure functions; the number never leaves memory. */
import type { CardBrand } from '@sauda/contracts';

/** True when `digits` passes the Luhn checksum. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const BRANDS: { brand: CardBrand; matches: (n: string) => boolean; lengths: number[] }[] = [
  { brand: 'amex', matches: (n) => /^3[47]/.test(n), lengths: [15] },
  { brand: 'mir', matches: (n) => /^220[0-4]/.test(n), lengths: [16, 17, 18, 19] },
  {
    brand: 'mastercard',
    matches: (n) => /^5[1-5]/.test(n) || (Number(n.slice(0, 4)) >= 2221 && Number(n.slice(0, 4)) <= 2720),
    lengths: [16],
  },
  { brand: 'unionpay', matches: (n) => /^62/.test(n), lengths: [16, 17, 18, 19] },
  { brand: 'visa', matches: (n) => /^4/.test(n), lengths: [13, 16, 19] },
];

/** The brand of a card number (digits only), or undefined when no supported brand matches. */
export function brandOf(digits: string): CardBrand | undefined {
  const found = BRANDS.find((b) => b.matches(digits) && b.lengths.includes(digits.length));
  return found?.brand;
}

/** Why a card is refused before it reaches any provider. */
export type CardProblem = 'invalid_number' | 'unsupported_brand' | 'expired' | 'invalid_cvc';

/** Checks a card; returns the normalised digits and brand, or the first problem found. */
export function checkCard(
  card: { number: string; expMonth: number; expYear: number; cvc: string },
  now: Date,
): { ok: true; digits: string; brand: CardBrand } | { ok: false; problem: CardProblem } {
  const digits = card.number.replace(/\s+/g, '');
  if (digits.length < 12 || digits.length > 19 || !luhnValid(digits))
    return { ok: false, problem: 'invalid_number' };
  const brand = brandOf(digits);
  if (!brand) return { ok: false, problem: 'unsupported_brand' };
  // A card is valid through the last day of its expiry month.
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  if (card.expYear < year || (card.expYear === year && card.expMonth < month))
    return { ok: false, problem: 'expired' };
  if (card.cvc.length !== (brand === 'amex' ? 4 : 3)) return { ok: false, problem: 'invalid_cvc' };
  return { ok: true, digits, brand };
}
