import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  newTotpSecret,
  totp,
  type TotpAlgorithm,
} from './totp.ts';

// RFC 6238 Appendix B: the seeds are the ASCII strings below, 8-digit codes.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

const VECTORS: Array<[number, string, TotpAlgorithm]> = [
  [59, '94287082', 'sha1'],
  [59, '46119246', 'sha256'],
  [59, '90693936', 'sha512'],
  [1111111109, '07081804', 'sha1'],
  [1111111109, '68084774', 'sha256'],
  [1111111109, '25091201', 'sha512'],
  [1111111111, '14050471', 'sha1'],
  [1111111111, '67062674', 'sha256'],
  [1111111111, '99943326', 'sha512'],
  [1234567890, '89005924', 'sha1'],
  [1234567890, '91819424', 'sha256'],
  [1234567890, '93441116', 'sha512'],
  [2000000000, '69279037', 'sha1'],
  [2000000000, '90698825', 'sha256'],
  [2000000000, '38618901', 'sha512'],
  [20000000000, '65353130', 'sha1'],
  [20000000000, '77737706', 'sha256'],
  [20000000000, '47863826', 'sha512'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('at T=%i gives %s with %s (the RFC test vectors)', (seconds, code, algorithm) => {
    expect(totp(SEEDS[algorithm], new Date(seconds * 1000), { digits: 8, algorithm })).toBe(code);
  });

  it('gives the RFC 4226 Appendix D HOTP values for counters 0..9', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    expect(expected.map((_, i) => hotp(SEEDS.sha1, BigInt(i)))).toEqual(expected);
  });

  it('round-trips Base32 for any length', () => {
    for (let length = 0; length < 25; length += 1) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + length) & 0xff));
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
    expect(base32Encode(Buffer.from('12345678901234567890'))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('accepts the code of the current step and one step either side, and nothing further', () => {
    const secret = newTotpSecret();
    const key = base32Decode(secret);
    const now = new Date(1_700_000_000_000);
    for (const [offset, accepted] of [
      [-60, false],
      [-30, true],
      [0, true],
      [30, true],
      [60, false],
    ] as const) {
      const code = totp(key, new Date(now.getTime() + offset * 1000));
      expect(matchTotp(secret, code, now) !== undefined).toBe(accepted);
    }
    expect(matchTotp(secret, 'abcdef', now)).toBeUndefined();
  });
});
