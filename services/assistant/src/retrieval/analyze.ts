/**
 * Turns product text and queries into index terms: stems of words, plus language-free concept terms
 * (product type, category, brand) so a Russian or Kazakh query meets an English-only product.
 */
import type { Lexicon } from '../nlu/lexicon.ts';
import { fold, tokenize } from '../nlu/normalize.ts';
import { stem } from '../nlu/stem.ts';
import type { CatalogProduct } from './catalog-product.ts';

const STOP = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'for',
  'with',
  'of',
  'in',
  'on',
  'to',
  'by',
  'is',
  'it',
  'me',
  'i',
  'show',
  'find',
  'need',
  'want',
  'please',
  'any',
  'some',
  'do',
  'you',
  'have',
  'my',
  'и',
  'в',
  'на',
  'с',
  'для',
  'по',
  'от',
  'до',
  'не',
  'мне',
  'нужен',
  'нужна',
  'нужны',
  'хочу',
  'покажи',
  'покажите',
  'ищу',
  'есть',
  'какие',
  'найди',
  'подбери',
  'пожалуйста',
  'а',
  'у',
  'за',
  'керек',
  'маған',
  'бар',
  'ма',
  'ме',
  'көрсет',
  'іздеймін',
  'және',
  'мен',
  'үшін',
]);

/** Stems of the words of a text (stop words and bare numbers dropped). */
export function wordTerms(text: string): string[] {
  return tokenize(fold(text))
    .filter((token) => !STOP.has(token) && !/^\d{1,2}$/.test(token))
    .map((token) => stem(token));
}

/** Concept terms of a query or title found by the lexicon. */
export function conceptTerms(tokens: string[], lexicon: Lexicon): string[] {
  return lexicon
    .find(tokens)
    .filter((mention) => mention.kind === 'type' || mention.kind === 'brand')
    .map((mention) => (mention.kind === 'type' ? `t:${mention.value}` : `b:${mention.value}`));
}

/** The weighted terms of a product: title words count twice, the description once. */
export function productTerms(product: CatalogProduct, lexicon: Lexicon): string[] {
  const titles = [product.title, product.titleRu ?? ''].join(' ');
  const titleWords = wordTerms(titles);
  const concepts = conceptTerms(tokenize(fold(titles)), lexicon);
  const terms = [
    ...titleWords,
    ...titleWords,
    ...wordTerms(
      `${product.description} ${product.descriptionRu ?? ''} ${Object.values(product.attributes).join(' ')}`,
    ),
    ...concepts,
    ...concepts,
    ...product.categoryPath.map((slug) => `c:${slug}`),
  ];
  if (product.brand) terms.push(...wordTerms(product.brand), `b:${fold(product.brand)}`);
  return terms;
}

/** The terms of a query text. */
export function queryTerms(text: string, lexicon: Lexicon): string[] {
  return [...wordTerms(text), ...conceptTerms(tokenize(fold(text)), lexicon)];
}
