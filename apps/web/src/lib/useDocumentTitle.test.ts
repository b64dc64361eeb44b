import { describe, expect, it } from 'vitest';
import { toMetaDescription } from './useDocumentTitle.ts';

describe('toMetaDescription', () => {
  it('keeps a short text as one line', () => {
    expect(toMetaDescription('  Wireless   headphones\nwith ANC. ')).toBe('Wireless headphones with ANC.');
  });

  it('cuts a long text at a word, within 160 characters, and marks the cut', () => {
    const long = 'Warm felt slippers, hand-made in Almaty from local wool, '.repeat(6);
    const text = toMetaDescription(long);
    expect(text.length).toBeLessThanOrEqual(160);
    expect(text.endsWith('…')).toBe(true);
    expect(long.startsWith(text.slice(0, -1))).toBe(true);
    expect(text.at(-2)).toMatch(/\w/);
  });

  it('never exceeds 160 characters, even for one endless word', () => {
    expect(toMetaDescription('x'.repeat(500)).length).toBeLessThanOrEqual(160);
  });
});
