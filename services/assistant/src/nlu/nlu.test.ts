import { describe, expect, it } from 'vitest';
import { readJsonl } from './dataset.ts';
import { Lexicon } from './lexicon.ts';
import { detectLanguage, fold, translit } from './normalize.ts';
import { understand } from './slots.ts';
import { stemKk, stemRu } from './stem.ts';
import { DATA_DIR, trainNlu } from './train.ts';

describe('normalisation', () => {
  it.each([
    ['Чёрные КРОССОВКИ', 'черные кроссовки'],
    ['Құлаққап — 20 000 ₸', 'құлаққап - 20 000 ₸'],
    ['«Samsung»', ' samsung '],
  ])('folds %s', (text, folded) => expect(fold(text)).toBe(folded));

  it.each([
    ['headphones under 20k', 'en'],
    ['наушники до 20 тысяч', 'ru'],
    ['құлаққап керек', 'kk'],
    ['телефон бар ма', 'kk'],
    ['naushniki do 20 tysyach', 'ru'],
  ] as const)('guesses the language of %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));

  it.each([
    ['naushniki', 'наушники'],
    ['chernyy', 'черный'],
    ['telefon', 'телефон'],
  ])('reads Latin-typed Russian %s', (latin, cyrillic) => expect(translit(latin)).toBe(cyrillic));

  it.each([
    [stemRu, 'наушников', 'наушник'],
    [stemRu, 'черные', 'черн'],
    [stemRu, 'смартфоны', 'смартфон'],
    [stemKk, 'смартфондар', 'смартфон'],
    [stemKk, 'құлаққаптар', 'құлаққап'],
    [stemKk, 'мыңға', 'мың'],
    [stemKk, 'телефондарды', 'телефон'],
  ])('%o stems %s', (stemmer, word, stem) => expect(stemmer(word)).toBe(stem));
});

describe('slots', () => {
  const lexicon = new Lexicon(['Samsung', 'JBL', 'Apple']);
  it.each([
    [
      'черные кроссовки 42 размера до 30к',
      { category: 'shoes', type: 'sneakers', colour: 'black', size: '42', price_max: 30_000 },
    ],
    [
      'самсунг телефон керек 200 мыңға дейін',
      { category: 'smartphones', type: 'smartphone', brand: 'Samsung', price_max: 200_000 },
    ],
    [
      'show me the cheapest iPhone 256gb',
      {
        category: 'smartphones',
        type: 'smartphone',
        brand: 'Apple',
        sort: 'price_asc',
        attributes: { memory: '256 GB' },
      },
    ],
    ['где заказ SD-7K3Q-91XM', { order_ref: 'SD-7K3Q-91XM' }],
    ['добавь второй в корзину', { refs: [2] }],
    ['дешевле', { refine: 'cheaper' }],
    ['black tea', { category: 'tea-coffee', type: 'tea' }],
  ])('%s', (text, slots) => expect(understand(text, lexicon).slots).toEqual(slots));
});

describe('the intent classifier', () => {
  it('is deterministic: two trainings give the same probabilities', () => {
    const a = trainNlu();
    const b = trainNlu();
    const requests = readJsonl(new URL('eval.jsonl', DATA_DIR)).slice(0, 40);
    for (const { text } of requests)
      expect(a.model.predict([text]).scores).toEqual(b.model.predict([text]).scores);
    for (const { text } of requests) expect(a.read(text)).toEqual(b.read(text));
  });
});
