import { describe, expect, it } from 'vitest';
import { code128Path, code128Values, code128Widths, PATTERNS } from './code128.ts';

/** Reads widths back into text, the way a scanner does: the test's independent check of the encoder. */
function decode(widths: number[]): string {
  const symbols: number[] = [];
  for (let i = 0; i + 6 <= widths.length; i += 6) {
    const chunk = widths.slice(i, i + 6).join('');
    const rest = widths.slice(i).join('');
    const value = rest === PATTERNS[106] ? 106 : PATTERNS.indexOf(chunk);
    symbols.push(value);
    if (value === 106) break;
  }
  const [start, ...body] = symbols;
  const stop = body.pop();
  const check = body.pop() ?? -1;
  expect([start, stop]).toEqual([104, 106]);
  expect(body.reduce((sum, v, i) => sum + v * (i + 1), 104) % 103).toBe(check);
  return String.fromCharCode(...body.map((v) => v + 32));
}

describe('the Code 128 encoder', () => {
  it('has 107 distinct patterns of 11 modules (the stop: 13)', () => {
    expect(PATTERNS).toHaveLength(107);
    expect(new Set(PATTERNS).size).toBe(107);
    PATTERNS.forEach((pattern, value) => {
      const modules = [...pattern].reduce((sum, w) => sum + Number(w), 0);
      expect(modules).toBe(value === 106 ? 13 : 11);
    });
  });

  it('computes the weighted modulo-103 checksum', () => {
    // Start B 104 + P(48)·1 + J(42)·2 + J(42)·3 + 1(17)·4 + 2(18)·5 + 3(19)·6 + C(35)·7 = 879; 879 mod 103 = 55.
    expect(code128Values('PJJ123C')).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55, 106]);
  });

  it.each(['PC-7K3Q91XMAB', 'SD123456785KZ', 'a b~{}', ''])('encodes %j so that it reads back', (text) => {
    expect(decode(code128Widths(text))).toBe(text);
  });

  it('draws one rectangle per bar inside its quiet zones', () => {
    const { d, width } = code128Path('PC-1', 10);
    expect((d.match(/M/g) ?? []).length).toBe(3 + 4 * 3 + 3 + 4); // start, 4 characters, check: 3 bars each; stop: 4
    expect(width).toBe(10 + 11 * 6 + 13 + 10); // start, 4 characters and check of 11 modules, stop of 13
  });

  it('refuses characters outside code set B', () => {
    expect(() => code128Values('Алматы')).toThrow(RangeError);
  });
});
