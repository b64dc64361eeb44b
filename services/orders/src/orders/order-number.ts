/** People-facing order numbers, `SD-7K3Q-91XM`: seven random Crockford base-32 symbols and a check symbol. */
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function checkSymbol(body: string): string {
  // Weighted sum mod 31 (prime): catches any single wrong symbol and most swaps of neighbours.
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) sum += (i + 1) * ALPHABET.indexOf(body[i] ?? '0');
  return ALPHABET[sum % 31] ?? '0';
}

/** A fresh order number. */
export function newOrderNumber(): string {
  let body = '';
  for (let i = 0; i < 7; i += 1) body += ALPHABET[randomInt(32)];
  const code = body + checkSymbol(body);
  return `SD-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** True when the number is well formed and its check symbol matches. */
export function isOrderNumber(value: string): boolean {
  const match = /^SD-([0-9A-HJKMNP-TV-Z]{4})-([0-9A-HJKMNP-TV-Z]{4})$/.exec(value.toUpperCase());
  if (!match) return false;
  const code = `${match[1]}${match[2]}`;
  return checkSymbol(code.slice(0, 7)) === code[7];
}
