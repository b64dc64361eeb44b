/** Checks a new card's fields before the number leaves the browser (for payment's tokeniser only). */

/** Luhn's check: catches a mistyped digit. */
export function luhnValid(digits: string): boolean {
  if (!/^[0-9]{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** "12/30" or "12 / 2030" as month and four-digit year; null when malformed or already expired. */
export function parseExpiry(text: string, now: Date): { month: number; year: number } | null {
  const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!match) return null;
  const month = Number(match[1]);
  const year = 2000 + Number((match[2] ?? '').slice(-2));
  if (month < 1 || month > 12) return null;
  const thisYear = now.getFullYear();
  if (year < thisYear || (year === thisYear && month < now.getMonth() + 1)) return null;
  return { month, year };
}

/** Which fields of a new card are wrong (empty when it may be tokenised). */
export function cardProblems(
  card: { number: string; expiry: string; cvc: string },
  now: Date,
): Array<'number' | 'expiry' | 'cvc'> {
  const problems: Array<'number' | 'expiry' | 'cvc'> = [];
  if (!luhnValid(card.number.replace(/\D/g, ''))) problems.push('number');
  if (!parseExpiry(card.expiry, now)) problems.push('expiry');
  if (!/^[0-9]{3,4}$/.test(card.cvc)) problems.push('cvc');
  return problems;
}
