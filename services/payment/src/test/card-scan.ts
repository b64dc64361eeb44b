/**
 * Finds what looks like a card number in text: a run of 13–19 digits (optionally grouped by spaces or
 * dashes), standing alone (not inside a hex id), that passes Luhn and starts like a card network's number
 * (2–6). Epoch milliseconds (1…), trace ids and other ids do not match, so a hit is a leak, not noise.
 */
import { luhnValid } from '../cards/card-rules.ts';

// Bounded by non-alphanumerics: a digit run inside a hex id (trace ids, tokens) is not a card number.
const CANDIDATE = /(?<![0-9A-Za-z])(?:\d[ -]?){12,18}\d(?![0-9A-Za-z])/g;

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
