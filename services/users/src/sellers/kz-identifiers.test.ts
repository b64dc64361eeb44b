import { describe, expect, it } from 'vitest';
import { isValidBin, isValidKzIban, normalizeIban } from './kz-identifiers.ts';

describe('Kazakh identifiers', () => {
  it.each([
    ['000740001307', true], // a published BIN (the National Bank)
    ['880101300962', true],
    ['000740001308', false], // last digit changed
    ['00074000130', false],
    ['00074000130a', false],
  ])('BIN/IIN %s valid: %s', (bin, valid) => {
    expect(isValidBin(bin)).toBe(valid);
  });

  it('accepts exactly one check digit for a valid number', () => {
    const valid = Array.from({ length: 10 }, (_, d) => `00074000130${d}`).filter(isValidBin);
    expect(valid).toEqual(['000740001307']);
  });

  it.each([
    ['KZ86125KZT5004100100', true], // the example IBAN of the Kazakh standard
    ['kz86 125k zt50 0410 0100', true],
    ['KZ87125KZT5004100100', false],
    ['DE89370400440532013000', false],
    ['KZ86125KZT500410010', false],
  ])('IBAN %s valid: %s', (iban, valid) => {
    expect(isValidKzIban(iban)).toBe(valid);
  });

  it('normalises spacing and case', () => {
    expect(normalizeIban(' kz86 125k zt50 0410 0100 ')).toBe('KZ86125KZT5004100100');
  });
});
