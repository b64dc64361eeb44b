/**
 * The demo catalog built in-process from shop's own demo data and generator (no server): the 36
 * hand-written products plus generated products 1…N, exactly as `shop` seeds them.
 */
import { demoProductId, demoVariantId } from '@sauda/contracts';
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from '../../../shop/src/demo/catalog.ts';
import { generateProduct } from '../../../shop/src/demo/generate-products.ts';
import { GENERATED_CATEGORIES } from '../../../shop/src/demo/generator-data.ts';
import type { CatalogProduct } from '../retrieval/catalog-product.ts';

const CATEGORIES = [...DEMO_CATEGORIES, ...GENERATED_CATEGORIES];
const parentOf = new Map(CATEGORIES.map((c) => [c.slug, c.parent]));

/** Slugs from the root to `slug`. */
export function categoryPath(slug: string): string[] {
  const path: string[] = [];
  for (let at: string | null | undefined = slug; at; at = parentOf.get(at)) path.unshift(at);
  return path;
}

/** Category names in the three languages, for the lexicon. */
export const demoCategoryNames = (): Array<{ slug: string; names: string[] }> =>
  CATEGORIES.map((c) => ({ slug: c.slug, names: [c.names.en, c.names.ru, c.names.kk] }));

/** The hand-written products (`n` → CatalogProduct). */
export function handWrittenProducts(): CatalogProduct[] {
  return DEMO_PRODUCTS.map((item) => ({
    id: demoProductId(item.n),
    title: item.title,
    description: item.description,
    brand: item.brand,
    categoryPath: categoryPath(item.category),
    price: item.price,
    currency: 'KZT',
    rating: item.rating,
    popularity: item.popularity,
    createdAt: new Date(Date.UTC(2026, 9, 1) + item.n * 36 * 3600_000).toISOString(),
    attributes: item.attributes,
    colours: item.attributes.colour ? [item.attributes.colour.toLowerCase()] : [],
    sizes: item.attributes.size ? [item.attributes.size] : [],
    imageUrl: null,
    variantId: demoVariantId(item.n),
  }));
}

/** Generated product `i` as the index sees it (all variants' colours and sizes). */
export function generatedProduct(i: number): CatalogProduct {
  const g = generateProduct(i);
  return {
    id: g.id,
    title: g.title,
    titleRu: g.translations.ru.title,
    description: g.description,
    descriptionRu: g.translations.ru.description,
    brand: g.brand,
    categoryPath: categoryPath(g.categorySlug),
    price: g.priceAmount,
    currency: 'KZT',
    rating: g.rating,
    popularity: g.popularity,
    createdAt: g.createdAt.toISOString(),
    attributes: g.attributes,
    colours: g.variants.flatMap((v) => (v.options['colour'] ? [v.options['colour'].toLowerCase()] : [])),
    sizes: g.variants.flatMap((v) => (v.options['size'] ? [v.options['size']] : [])),
    imageUrl: null,
    variantId: g.variants[0]?.id ?? null,
  };
}

/** The demo catalog: hand-written plus `generated` generated products (shop's demo default is 5,000). */
export function demoCatalog(generated = 5000): CatalogProduct[] {
  const products = handWrittenProducts();
  for (let i = 1; i <= generated; i += 1) products.push(generatedProduct(i));
  return products;
}
