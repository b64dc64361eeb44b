/**
 * The phrase matcher over the shopping lexicon: finds product types, categories, brands, colours,
 * sort wishes, ordinals and refinements in a token list, longest match first, across en/ru/kk stems.
 */
import {
  BRAND_ALIASES,
  CATEGORY_WORDS,
  COLOURS,
  ONLY_WORDS,
  ORDINALS,
  PRODUCT_TYPES,
  REFINE_CHEAPER,
  REFINE_PRICIER,
  SORTS,
} from './lexicon-data.ts';
import { fold, tokenize, translit } from './normalize.ts';
import { stemVariants } from './stem.ts';

export type MentionKind =
  'type' | 'category' | 'brand' | 'colour' | 'sort' | 'ordinal' | 'cheaper' | 'pricier' | 'only';

/** One lexicon phrase found in a message: tokens `start` (inclusive) to `end` (exclusive). */
export interface Mention {
  kind: MentionKind;
  value: string;
  start: number;
  end: number;
}

interface Phrase {
  kind: MentionKind;
  value: string;
  words: Set<string>[];
}

/** A matcher built once from the static lexicon plus the catalog's brands and category names. */
export class Lexicon {
  private readonly byFirst = new Map<string, Phrase[]>();
  /** Category slug of each product type concept. */
  readonly typeCategory = new Map<string, string>();
  /** Canonical brand name (as the catalog writes it) by folded key. */
  readonly brandNames = new Map<string, string>();

  constructor(brands: Iterable<string> = [], categoryNames: Array<{ slug: string; names: string[] }> = []) {
    for (const entry of PRODUCT_TYPES) {
      this.typeCategory.set(entry.concept, entry.category);
      for (const form of [...entry.en, ...entry.ru, ...entry.kk]) this.add('type', entry.concept, form);
    }
    for (const [slug, words] of Object.entries(CATEGORY_WORDS))
      for (const form of [...words.en, ...words.ru, ...words.kk]) this.add('category', slug, form);
    for (const { slug, names } of categoryNames) for (const name of names) this.add('category', slug, name);
    for (const [colour, forms] of Object.entries(COLOURS))
      for (const form of forms) this.add('colour', colour, form);
    for (const [sort, forms] of Object.entries(SORTS)) for (const form of forms) this.add('sort', sort, form);
    for (const [n, forms] of Object.entries(ORDINALS)) for (const form of forms) this.add('ordinal', n, form);
    for (const form of REFINE_CHEAPER) this.add('cheaper', 'cheaper', form);
    for (const form of REFINE_PRICIER) this.add('pricier', 'pricier', form);
    for (const form of ONLY_WORDS) this.add('only', 'only', form);
    for (const brand of Object.keys(BRAND_ALIASES)) this.addBrand(brand);
    for (const brand of brands) this.addBrand(brand);
  }

  /** Makes a category name known (shop's tree, in any language). */
  addCategoryName(slug: string, name: string): void {
    this.add('category', slug, name);
  }

  /** Makes a brand known (catalog brands arrive with products). */
  addBrand(brand: string): void {
    const key = fold(brand).trim();
    if (!key) return;
    const known = this.brandNames.get(key);
    // The catalog's spelling ("Samsung") replaces the lexicon's lowercase key.
    if (known === undefined || (known === key && brand !== key)) this.brandNames.set(key, brand);
    if (known !== undefined) return;
    this.add('brand', key, key);
    for (const alias of BRAND_ALIASES[key] ?? []) this.add('brand', key, alias);
  }

  private add(kind: MentionKind, value: string, form: string): void {
    const words = tokenize(fold(form)).map((word) => new Set(stemVariants(word)));
    const first = words[0];
    if (!first) return;
    const phrase: Phrase = { kind, value, words };
    for (const key of first) {
      const list = this.byFirst.get(key);
      if (list) list.push(phrase);
      else this.byFirst.set(key, [phrase]);
    }
  }

  /** Mentions in folded tokens, longest first, non-overlapping; `latin` also tries Latin-typed Russian. */
  find(tokens: string[], options: { translit?: boolean } = {}): Mention[] {
    const variants = tokens.map((token) => {
      const own = stemVariants(token);
      const cyrillic = options.translit ? translit(token) : token;
      return cyrillic === token ? own : [...own, ...stemVariants(cyrillic)];
    });
    const mentions: Mention[] = [];
    let i = 0;
    while (i < tokens.length) {
      let best: Phrase | undefined;
      for (const key of variants[i] ?? []) {
        for (const phrase of this.byFirst.get(key) ?? []) {
          if (best && phrase.words.length <= best.words.length) continue;
          if (phrase.words.every((word, k) => (variants[i + k] ?? []).some((v) => word.has(v))))
            best = phrase;
        }
      }
      if (best) {
        mentions.push({ kind: best.kind, value: best.value, start: i, end: i + best.words.length });
        i += best.words.length;
      } else i += 1;
    }
    return mentions;
  }
}
