/**
 * Deterministic product generator: product `i` is always the same (ids, names, prices, variants), so a
 * seed can be repeated, resumed and scaled from 5,000 demo products to 1,000,000 for benchmarks.
 */
import { DEMO_IDS } from '@sauda/contracts';
import { seededRandom } from '@sauda/kit/random';
import { slugify } from '../products/slug.ts';
import { OPTION_VALUES, SELLER_NAMES, VOCABULARY, type Vocabulary } from './generator-data.ts';

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** Generated ids live in their own ranges, apart from the hand-written demo ids. */
export const generatedProductId = (i: number): string => `01970000-0000-7000-8000-${hex(i, 12)}`;
export const generatedVariantId = (i: number, k: number): string =>
  `01970000-0000-7000-8${hex(k, 3)}-${hex(i, 12)}`;
export const generatedImageId = (i: number): string => `01980000-0000-7000-8000-${hex(i, 12)}`;
export const generatedSellerId = (s: number): string => `01960000-0000-7000-8000-${hex(s, 12)}`;

/** Seller `s` (0–49): 0 is the demo seller, whose account exists in `users`. */
export function seller(s: number): { id: string; name: string } {
  return s === 0
    ? { id: DEMO_IDS.seller, name: 'Altyn Bazaar' }
    : { id: generatedSellerId(s), name: SELLER_NAMES[(s - 1) % SELLER_NAMES.length] ?? 'Seller' };
}

export interface GeneratedVariant {
  id: string;
  sku: string;
  options: Record<string, string>;
  priceAmount: number;
  compareAtAmount: number | null;
  weightGrams: number;
}

export interface GeneratedProduct {
  id: string;
  sellerId: string;
  sellerName: string;
  slug: string;
  title: string;
  description: string;
  translations: { ru: { title: string; description: string }; kk: { title: string; description: string } };
  brand: string;
  categorySlug: string;
  hue: number;
  initials: string;
  priceAmount: number;
  compareAtAmount: number | null;
  rating: number | null;
  popularity: number;
  attributes: Record<string, string>;
  createdAt: Date;
  variants: GeneratedVariant[];
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

/** "Tenge-looking" prices: 12 490, 189 990. */
const roundPrice = (tenge: number): number => Math.max(490, Math.round(tenge / 500) * 500 - 10);

function variantsOf(
  i: number,
  voc: Vocabulary,
  rnd: () => number,
  base: number,
  hasCompare: boolean,
): GeneratedVariant[] {
  const sku = `G${hex(i, 6).toUpperCase()}`;
  const weight = Math.round(100 + rnd() * 2000);
  if (voc.options === 'none') {
    const compareAt = hasCompare ? roundPrice((base * 1.25) / 100) * 100 : null;
    return [
      {
        id: generatedVariantId(i, 1),
        sku,
        options: {},
        priceAmount: base,
        compareAtAmount: compareAt,
        weightGrams: weight,
      },
    ];
  }
  const kind = OPTION_VALUES[voc.options];
  const count = 2 + Math.floor(rnd() * Math.min(3, kind.values.length - 1));
  const start = Math.floor(rnd() * (kind.values.length - count + 1));
  return kind.values.slice(start, start + count).map((value, k) => {
    const price = base + k * kind.step * 100;
    return {
      id: generatedVariantId(i, k + 1),
      sku: `${sku}-${value.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`,
      options: { [kind.name]: value },
      priceAmount: price,
      compareAtAmount: hasCompare ? roundPrice((price * 1.2) / 100) * 100 : null,
      weightGrams: weight,
    };
  });
}

/** Product `i` (1-based). */
export function generateProduct(i: number): GeneratedProduct {
  const rnd = seededRandom(i * 7919);
  const voc = VOCABULARY[i % VOCABULARY.length] as Vocabulary;
  const [nounEn, nounRu] = pick(rnd, voc.nouns);
  const brand = pick(rnd, voc.brands);
  const series = pick(rnd, voc.series);
  const model = `${Math.floor(rnd() * 90 + 10)}${pick(rnd, ['', '0', 'S', 'X', 'i'])}`;
  const [matEn, matRu] = pick(rnd, voc.material);
  const [featEn, featRu] = pick(rnd, voc.feature);
  const [feat2En, feat2Ru] = pick(rnd, voc.feature);
  const title = `${brand} ${series} ${nounEn} ${model}`;
  const titleRu = `${nounRu} ${brand} ${series} ${model}`;
  const base = roundPrice(voc.price[0] + (voc.price[1] - voc.price[0]) * rnd() ** 2) * 100;
  const hasCompare = rnd() < 0.25;
  const variants = variantsOf(i, voc, rnd, base, hasCompare);
  const s = Math.floor(rnd() * 50);
  const owner = seller(s);
  const extra = featEn === feat2En ? '' : ` It also offers ${feat2En}.`;
  const extraRu = featRu === feat2Ru ? '' : ` Также: ${feat2Ru}.`;
  const description = `${nounEn} by ${brand}, ${series} series. Made of ${matEn}, with ${featEn}.${extra} Delivered across Kazakhstan.`;
  const descriptionRu = `${nounRu} от ${brand}, серия ${series}. Материал: ${matRu}. Особенности: ${featRu}.${extraRu} Доставка по всему Казахстану.`;
  return {
    id: generatedProductId(i),
    sellerId: owner.id,
    sellerName: owner.name,
    slug: `${slugify(title)}-${i}`,
    title,
    description,
    // Kazakh shoppers mostly read Russian names on marketplaces; the Kazakh entry reuses them.
    translations: {
      ru: { title: titleRu, description: descriptionRu },
      kk: { title: titleRu, description: descriptionRu },
    },
    brand,
    categorySlug: voc.slug,
    hue: voc.hue,
    initials: (brand.slice(0, 1) + nounEn.slice(0, 1)).toUpperCase(),
    priceAmount: Math.min(...variants.map((v) => v.priceAmount)),
    compareAtAmount: variants[0]?.compareAtAmount ?? null,
    rating: rnd() < 0.15 ? null : Math.round((3.4 + rnd() * 1.6) * 10) / 10,
    // A long tail: few products sell a lot.
    popularity: Math.floor(2000 * rnd() ** 6),
    attributes: { material: matEn, ...(variants[0]?.options ?? {}) },
    createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 320 * 86_400_000)),
    variants,
  };
}
