/** Slot extraction: what a message asks for, from the lexicon, price patterns and code patterns. */
import type { Lexicon, Mention } from './lexicon.ts';
import { parsePriceLimits } from './numbers.ts';
import { detectLanguage, fold, tokenize } from './normalize.ts';
import { stemEn, stemRu } from './stem.ts';

export type SortWish = 'price_asc' | 'price_desc' | 'rating' | 'popularity' | 'newest';

/** The slots of one message (prices in tenge). */
export interface Slots {
  category?: string;
  type?: string;
  brand?: string;
  colour?: string;
  size?: string;
  attributes?: Record<string, string>;
  price_min?: number;
  price_max?: number;
  sort?: SortWish;
  order_ref?: string;
  tracking?: string;
  /** 1-based positions in the last shown results; -1 is the last one. */
  refs?: number[];
  refine?: 'cheaper' | 'pricier';
  only?: boolean;
}

/** Everything the NLU learned from a message: slots plus the raw mentions and tokens. */
export interface Understanding {
  tokens: string[];
  mentions: Mention[];
  slots: Slots;
}

/** Product lines that name their brand. */
const IMPLIED_BRANDS: Record<string, string> = {
  iphone: 'Apple',
  iphones: 'Apple',
  айфон: 'Apple',
  macbook: 'Apple',
  макбук: 'Apple',
  airpods: 'Apple',
  ipad: 'Apple',
  айпад: 'Apple',
  galaxy: 'Samsung',
  lego: 'LEGO',
  лего: 'LEGO',
  redmi: 'Xiaomi',
};

const ORDER_REF = /\b(sd-[a-z0-9]{4}-[a-z0-9]{4})\b/;
const TRACKING = /\b([a-z]{2}\d{9}[a-z]{2})\b/;
const SIZE_WORD = /^(размер\p{L}*|size|sizes|өлшем\p{L}*|р)$/u;
const SIZE_VALUE = /^(xxs|xs|s|m|l|xl|xxl|3[4-9]|4[0-8])$/;
const MEMORY = /(?<!\d)(64|128|256|512|1024)\s*(gb|гб|гигабайт)/;

function sizeOf(tokens: string[]): string | undefined {
  for (const [i, token] of tokens.entries()) {
    if (!SIZE_WORD.test(token)) continue;
    for (const k of [i + 1, i - 1, i - 2, i + 2]) {
      const candidate = tokens[k];
      if (candidate && SIZE_VALUE.test(candidate)) return candidate.toUpperCase();
    }
  }
  const letter = tokens.find((token) => /^(xs|xl|xxl)$/.test(token));
  return letter?.toUpperCase();
}

/** Reads the slots of a message. */
export function understand(text: string, lexicon: Lexicon): Understanding {
  const folded = fold(text);
  const tokens = tokenize(folded);
  // Latin letters are read as Russian only when the message looks like Latin-typed Russian.
  const latinRussian = !/[а-яәғқңөұүһі]/.test(folded) && detectLanguage(folded) === 'ru';
  const mentions = lexicon.find(tokens, { translit: latinRussian });
  const slots: Slots = {};
  for (const mention of mentions) {
    switch (mention.kind) {
      case 'type':
        slots.type ??= mention.value;
        slots.category ??= lexicon.typeCategory.get(mention.value);
        break;
      case 'category':
        slots.category ??= mention.value;
        break;
      case 'brand':
        slots.brand ??= lexicon.brandNames.get(mention.value) ?? mention.value;
        break;
      case 'colour':
        slots.colour ??= mention.value;
        break;
      case 'sort':
        slots.sort ??= mention.value as SortWish;
        break;
      case 'ordinal':
        (slots.refs ??= []).push(Number(mention.value));
        break;
      case 'cheaper':
      case 'pricier':
        slots.refine = mention.kind;
        break;
      case 'only':
        slots.only = true;
        break;
    }
  }
  const prices = parsePriceLimits(text);
  if (prices.min !== undefined) slots.price_min = prices.min;
  if (prices.max !== undefined) slots.price_max = prices.max;
  // "дешевле 30000" is a price limit, not a refinement of the last results.
  if (slots.refine && (prices.max !== undefined || prices.min !== undefined)) delete slots.refine;
  if (
    slots.sort === 'price_desc' &&
    prices.min !== undefined &&
    !/most expensive|самы\p{L}* дорог|ең қымбат/u.test(folded)
  )
    delete slots.sort;
  if (
    slots.sort === 'price_asc' &&
    prices.max !== undefined &&
    !/cheapest|самы\w* дешев|ең арзан/.test(folded)
  )
    delete slots.sort;
  const size = sizeOf(tokens);
  if (size) slots.size = size;
  const memory = MEMORY.exec(folded.replace(/(\d)(gb|гб)/g, '$1 $2'));
  if (memory) slots.attributes = { memory: `${memory[1]} GB` };
  const implied = tokens
    .map((token) => IMPLIED_BRANDS[token] ?? IMPLIED_BRANDS[stemRu(token)] ?? IMPLIED_BRANDS[stemEn(token)])
    .find(Boolean);
  if (implied && !slots.brand) slots.brand = implied;
  const order = ORDER_REF.exec(folded);
  if (order?.[1]) slots.order_ref = order[1].toUpperCase();
  const tracking = TRACKING.exec(folded);
  if (tracking?.[1]) slots.tracking = tracking[1].toUpperCase();
  return { tokens, mentions, slots };
}
