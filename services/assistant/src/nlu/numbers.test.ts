import { describe, expect, it } from 'vitest';
import { parsePriceLimits } from './numbers.ts';

describe('price limits are read from en, ru and kk wording', () => {
  it.each([
    ['headphones under 20 000 tenge', { max: 20_000 }],
    ['phone cheaper than 150k', { max: 150_000 }],
    ['laptop up to 300000', { max: 300_000 }],
    ['between 5k and 15k', { min: 5_000, max: 15_000 }],
    ['over 100 000 tenge', { min: 100_000 }],
    ['наушники до 20 тысяч', { max: 20_000 }],
    ['смартфон дешевле 150 000 тг', { max: 150_000 }],
    ['от 10 до 20 тысяч', { min: 10_000, max: 20_000 }],
    ['ноутбук от 300к', { min: 300_000 }],
    ['бюджет 50к', { max: 50_000 }],
    ['до 1,5 млн', { max: 1_500_000 }],
    ['20 мыңға дейін құлаққап', { max: 20_000 }],
    ['50 000 теңгеден арзан', { max: 50_000 }],
    ['100 мыңнан бастап', { min: 100_000 }],
    ['naushniki do 20 tysyach', { max: 20_000 }],
    ['20к', { max: 20_000 }],
    ['10-20 мың', { min: 10_000, max: 20_000 }],
  ])('%s', (text, limits) => {
    expect(parsePriceLimits(text)).toEqual(limits);
  });

  it.each([
    'iPhone 15 128GB',
    'Samsung Galaxy A55',
    'размер 42',
    'где мой заказ SD-7K3Q-91XM',
    'кроссовки 43 размера',
    'set of 6 bowls',
  ])('states no limit: %s', (text) => {
    expect(parsePriceLimits(text)).toEqual({});
  });
});

describe('negated comparatives cap the price', () => {
  it.each([
    ['laptop, no more than 400 000', { max: 400_000 }],
    ['не дороже 8000', { max: 8_000 }],
    ['100 мыңнан 200 мыңға дейін', { min: 100_000, max: 200_000 }],
  ])('%s', (text, limits) => expect(parsePriceLimits(text)).toEqual(limits));
});
