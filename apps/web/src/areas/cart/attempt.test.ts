import { describe, expect, it } from 'vitest';
import { attemptFor, keepsAttempt } from './attempt.ts';

const keys = () => {
  let n = 0;
  return () => `key-${++n}`;
};

describe('checkout attempts', () => {
  it('reuses the key while the choices stay the same, so a double click makes one order', () => {
    const next = keys();
    const first = attemptFor(null, 'address-1|standard|card', next);
    const again = attemptFor(first, 'address-1|standard|card', next);
    expect(again.key).toBe(first.key);
  });

  it('starts a new attempt once any choice changes', () => {
    const next = keys();
    const first = attemptFor(null, 'address-1|standard|card', next);
    const changed = attemptFor(first, 'address-1|express|card', next);
    expect(changed.key).not.toBe(first.key);
  });

  it.each([
    [0, true],
    [408, true],
    [409, true],
    [502, true],
    [503, true],
    [400, false],
    [422, false],
    [401, false],
  ])('after HTTP %i the attempt is kept: %s', (status, kept) => {
    expect(keepsAttempt(status)).toBe(kept);
  });
});
