import { describe, expect, it } from 'vitest';
import { brandOf, checkCard, luhnValid } from './card-rules.ts';

const now = new Date('2026-11-21T00:00:00Z');

describe('card rules', () => {
  it.each([
    ['4242424242424242', 'visa'],
    ['4222222222222', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['2200000000000004', 'mir'],
    ['6200000000000005', 'unionpay'],
    ['378282246310005', 'amex'],
  ])('recognises %s as %s, and every one passes Luhn', (number, brand) => {
    expect(brandOf(number)).toBe(brand);
    expect(luhnValid(number)).toBe(true);
  });

  it('rejects a number whose last digit breaks Luhn', () => {
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(
      checkCard({ number: '4242 4242 4242 4241', expMonth: 12, expYear: 2030, cvc: '123' }, now),
    ).toEqual({
      ok: false,
      problem: 'invalid_number',
    });
  });

  it.each([
    [{ number: '6011111111111117', expMonth: 1, expYear: 2030, cvc: '123' }, 'unsupported_brand'],
    [{ number: '4242424242424242', expMonth: 10, expYear: 2026, cvc: '123' }, 'expired'],
    [{ number: '378282246310005', expMonth: 1, expYear: 2030, cvc: '123' }, 'invalid_cvc'],
    [{ number: '4242424242424242', expMonth: 1, expYear: 2030, cvc: '1234' }, 'invalid_cvc'],
  ])('refuses %j with %s', (card, problem) => {
    expect(checkCard(card, now)).toEqual({ ok: false, problem });
  });

  it('accepts a card through the last day of its expiry month, spaces allowed', () => {
    expect(
      checkCard({ number: '4242 4242 4242 4242', expMonth: 11, expYear: 2026, cvc: '123' }, now),
    ).toEqual({
      ok: true,
      digits: '4242424242424242',
      brand: 'visa',
    });
  });
});
