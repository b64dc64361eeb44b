/** Kazakhstan's business identifiers: the BIN/IIN check digit and the KZ IBAN (ISO 13616, mod 97). */

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** True for a 12-digit BIN or IIN whose 12th digit is the check digit of the first eleven. */
export function isValidBin(bin: string): boolean {
  if (!/^[0-9]{12}$/.test(bin)) return false;
  const digits = [...bin].map(Number);
  const weighted = (weights: number[]) =>
    weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0) % 11;
  let check = weighted(FIRST_WEIGHTS);
  // 10 means "use the second weights"; 10 again means the number cannot be issued.
  if (check === 10) check = weighted(SECOND_WEIGHTS);
  return check !== 10 && check === digits[11];
}

/** The IBAN without spaces, upper case. */
export function normalizeIban(iban: string): string {
  return iban.replace(/\s+/g, '').toUpperCase();
}

/** True for a Kazakh IBAN: `KZ`, two check digits, 16 characters, and the mod-97 check holds. */
export function isValidKzIban(iban: string): boolean {
  const value = normalizeIban(iban);
  if (!/^KZ[0-9]{2}[0-9A-Z]{16}$/.test(value)) return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  const numeric = [...rearranged].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}
