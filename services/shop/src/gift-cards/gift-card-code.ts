/** Gift card codes: 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), grouped by four. */
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A fresh random code such as `K7QM-2XWD-9HRT-4NPC` (~79 bits: not guessable). */
export function newGiftCardCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)] ?? '2');
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
