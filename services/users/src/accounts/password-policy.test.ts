import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordWeakness, type PasswordWeakness } from './password-policy.ts';

const EMAIL = 'aliya.nurlanovna@example.kz';

describe('password rules', () => {
  const cases: Array<[string, PasswordWeakness | undefined]> = [
    ['short1!', 'too_short'],
    ['abcdefgh1', 'too_short'],
    ['abcdefghij', 'one_character_class'],
    ['ABCDEFGHIJ', 'one_character_class'],
    ['1234567890', 'one_character_class'],
    ['!@#$%^&*()', 'one_character_class'],
    ['қазақстандағы', 'one_character_class'],
    [EMAIL, 'matches_email'],
    [EMAIL.toUpperCase(), 'matches_email'],
    ['aliya.nurlanovna', 'matches_email'],
    ['abcdefghi1', undefined],
    ['correct horse battery', undefined],
    ['Қазақстан2026', undefined],
    ['sauda-demo-2026', undefined],
  ];

  it.each(cases)('%s → %s', (password, expected) => {
    expect(passwordWeakness(password, EMAIL)).toBe(expected);
  });

  it('never accepts a password shorter than the minimum, whatever it contains', () => {
    for (const password of cases.map(([p]) => p)) {
      for (let length = 0; length < MIN_PASSWORD_LENGTH; length += 1) {
        expect(passwordWeakness([...password].slice(0, length).join(''), EMAIL)).toBe('too_short');
      }
    }
  });

  it('counts characters, not UTF-16 units, so emoji do not shorten the rule', () => {
    expect(passwordWeakness('🔑🔑🔑🔑🔑a', EMAIL)).toBe('too_short');
  });
});
