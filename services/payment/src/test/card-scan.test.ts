import { describe, expect, it } from 'vitest';
import { findCardNumbers } from './card-scan.ts';

describe('the card number scanner', () => {
  it('finds card numbers written plainly, grouped, or inside JSON', () => {
    expect(findCardNumbers('{"number":"4242424242424242"}')).toEqual(['4242424242424242']);
    expect(findCardNumbers('card 4000 0000 0000 3220 ok')).toEqual(['4000000000003220']);
    expect(findCardNumbers('amex 3782-822463-10005.')).toEqual(['378282246310005']);
  });

  it('ignores Luhn failures, epoch milliseconds, uuids and short numbers', () => {
    expect(
      findCardNumbers('4242424242424241 1763707957720 01a1fce0-dce4-7173-abc5-783b63d6330d 424242'),
    ).toEqual([]);
  });

  it('ignores digit runs inside hex ids such as trace ids, which would otherwise match by chance', () => {
    expect(findCardNumbers('"traceId":"ab4242424242424242cd" "spanId":"f4242424242424242"')).toEqual([]);
  });
});
