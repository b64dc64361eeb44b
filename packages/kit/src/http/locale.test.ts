import { describe, expect, it } from 'vitest';
import { localeFromHeader } from './locale.ts';

describe('localeFromHeader', () => {
  it.each([
    [undefined, 'en'],
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['kk-KZ', 'kk'],
    ['de-DE,de;q=0.9,ru;q=0.5,en;q=0.7', 'en'],
    ['fr', 'en'],
    ['en;q=0.1, kk;q=0.9', 'kk'],
  ])('reads %j as %s', (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });
});
