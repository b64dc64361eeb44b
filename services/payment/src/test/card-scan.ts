/**
 * Finds what looks like a card number in text: a run of 13–19 digits (optionally grouped by spaces or
 * dashes) that passes Luhn and starts like a card network's number (2–6). Epoch milliseconds (1…) and
 * other ids do not match, so a hit is a leak, not noise.
 */
import { luhnValid } from '../cards/card-rules.ts';

const CANDIDATE = /(?<![\d])(?:\d[ -]?){12,18}\d(?![\d])/g;

/** Every card-like number in `text`, digits only. */
export function findCardNumbers(text: string): string[] {
  const hits: string[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && luhnValid(digits))
      hits.push(digits);
  }
  return hits;
}
