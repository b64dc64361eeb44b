import { describe, expect, it } from 'vitest';
import { isValidS10, normaliseTrackingNumber, s10CheckDigit, s10Number } from './s10.ts';

// Known-good numbers: the UPU S10 standard's own example, the architecture's example, and the two
// special cases of the rule (11 − 0 = 11 → 5; 11 − 1 = 10 → 0), each checked by hand.
const KNOWN_GOOD = [
  ['RR473124829GB', 'weighted sum 200, 200 mod 11 = 2, 11 − 2 = 9'],
  ['SD123456785KZ', 'weighted sum 204, 204 mod 11 = 6, 11 − 6 = 5'],
  ['EE876543216US', 'weighted sum 192, 192 mod 11 = 5, 11 − 5 = 6'],
  ['SD000000005KZ', 'weighted sum 0, 11 − 0 = 11 → 5'],
  ['SD000000080KZ', 'weighted sum 56, 56 mod 11 = 1, 11 − 1 = 10 → 0'],
  ['SD999999995KZ', 'weighted sum 396, 396 mod 11 = 0 → 5'],
  ['SD100000003KZ', 'weighted sum 8, 11 − 8 = 3'],
] as const;

describe('S10 tracking numbers', () => {
  it.each(KNOWN_GOOD)('%s is valid (%s)', (number) => {
    expect(isValidS10(number)).toBe(true);
    expect(s10CheckDigit(number.slice(2, 10))).toBe(Number(number[10]));
  });

  it('formats serials with the SD prefix and KZ country, zero-padded', () => {
    expect(s10Number(12345678)).toBe('SD123456785KZ');
    expect(s10Number(8)).toBe('SD000000080KZ');
    expect(s10Number(47312482, 'RR', 'GB')).toBe('RR473124829GB');
  });

  it('rejects a wrong check digit, a short serial and a missing country', () => {
    expect(isValidS10('SD123456784KZ')).toBe(false);
    expect(isValidS10('SD12345675KZ')).toBe(false);
    expect(isValidS10('SD123456785')).toBe(false);
  });

  it('every formatted number validates, and with any other check digit it does not', () => {
    for (let serial = 10_000_000; serial < 10_000_000 + 500; serial += 7) {
      const number = s10Number(serial);
      expect(isValidS10(number)).toBe(true);
      for (let digit = 0; digit <= 9; digit += 1) {
        if (digit === Number(number[10])) continue;
        expect(isValidS10(`${number.slice(0, 10)}${digit}${number.slice(11)}`)).toBe(false);
      }
    }
  });

  it('reads numbers as people type them', () => {
    expect(normaliseTrackingNumber(' sd 1234-5678 5kz ')).toBe('SD123456785KZ');
  });
});
