/** UPU S10 tracking numbers: two letters, an 8-digit serial, a check digit, a country code (SD123456785KZ). */

const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/** The S10 check digit of an 8-digit serial: 11 − (weighted sum mod 11), where 10 → 0 and 11 → 5. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError(`an S10 serial has 8 digits, not "${serial}"`);
  const sum = [...serial].reduce((acc, digit, i) => acc + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

/** Formats serial number `serial` (0 … 99 999 999) as an S10 tracking number. */
export function s10Number(serial: number, prefix = 'SD', country = 'KZ'): string {
  const digits = String(serial).padStart(8, '0');
  return `${prefix}${digits}${s10CheckDigit(digits)}${country}`;
}

/** True when `value` is a well-formed S10 number whose check digit is right. */
export function isValidS10(value: string): boolean {
  const match = S10.exec(value);
  if (!match) return false;
  const [, , serial, check] = match;
  return serial !== undefined && Number(check) === s10CheckDigit(serial);
}

/** Upper-cases and strips spaces and dashes, as people and scanners type tracking numbers. */
export function normaliseTrackingNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}
