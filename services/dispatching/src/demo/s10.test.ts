import { describe, expect, it } from 'vitest';
import { s10, s10CheckDigit } from './s10.ts';

describe('S10 tracking numbers', () => {
  it.each([
    ['47312482', 9], // RR473124829GB, the UPU's own example
    ['12345678', 5], // SD123456785KZ, the architecture's example
  ])('computes the check digit of %s as %i', (serial, digit) => {
    expect(s10CheckDigit(serial)).toBe(digit);
  });

  it('formats prefix, serial, check digit and country', () => {
    expect(s10(12345678)).toBe('SD123456785KZ');
  });
});
