import { describe, expect, it } from 'vitest';
import { slugify, withSuffix } from './slug.ts';

describe('slugify', () => {
  it.each([
    ['Samsung Galaxy A55 128GB', 'samsung-galaxy-a55-128gb'],
    ['Смартфон Xiaomi Redmi', 'smartfon-xiaomi-redmi'],
    ['Қазақ шапаны, ұлттық', 'qazaq-shapany-ulttyq'],
    ['Crème brûlée set', 'creme-brulee-set'],
    ['  --!!--  ', 'product'],
  ])('turns %j into %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('never yields more than 80 characters or a trailing dash', () => {
    for (const title of ['a'.repeat(200), `${'word '.repeat(40)}`, 'ж'.repeat(100)]) {
      const slug = slugify(title);
      expect(slug.length).toBeLessThanOrEqual(80);
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('adds a five-character suffix and stays a valid slug', () => {
    expect(withSuffix('phone', () => 0.5)).toMatch(/^phone-[a-z0-9]{5}$/);
    expect(withSuffix('x'.repeat(80)).length).toBeLessThanOrEqual(80);
  });
});
