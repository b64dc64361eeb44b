/** Shop's public product answers (English and Russian) → the index's product. */
import type { Category, Product } from '@sauda/contracts';
import type { Lang } from '../nlu/normalize.ts';
import type { CategoryNames } from '../dialogue/search-turn.ts';
import type { CatalogProduct } from '../retrieval/catalog-product.ts';

/** Category slug → slugs from the root, from shop's category tree. */
export type CategoryPaths = Map<string, string[]>;

/** The category tree in the three languages: names for answers and the lexicon, paths for filters. */
export function categoryTables(byLang: Record<Lang, Category[]>): {
  names: CategoryNames;
  paths: CategoryPaths;
} {
  const names: CategoryNames = new Map();
  const paths: CategoryPaths = new Map();
  for (const category of byLang.en) {
    paths.set(category.slug, category.path.length > 0 ? category.path : [category.slug]);
    const ru = byLang.ru.find((c) => c.id === category.id)?.name ?? category.name;
    const kk = byLang.kk.find((c) => c.id === category.id)?.name ?? category.name;
    names.set(category.slug, { en: category.name, ru, kk });
  }
  return { names, paths };
}

/** The index's copy of a product; `ru` is the same product read in Russian, when fetched. */
export function productFromShop(product: Product, paths: CategoryPaths, ru?: Product): CatalogProduct {
  const slug = product.category?.slug;
  const variants = product.variants ?? [];
  const colours = new Set<string>();
  const sizes = new Set<string>();
  for (const options of [product.attributes, ...variants.map((v) => v.options)]) {
    for (const [key, value] of Object.entries(options)) {
      if (/^colou?r$/i.test(key)) colours.add(value.toLowerCase());
      if (/^size$/i.test(key)) sizes.add(value.toUpperCase());
    }
  }
  const cheapest = [...variants].sort((a, b) => a.price.amount - b.price.amount)[0];
  const translated = ru && ru.title !== product.title;
  return {
    id: product.id,
    title: product.title,
    ...(translated ? { titleRu: ru.title } : {}),
    description: product.description,
    ...(ru && ru.description !== product.description ? { descriptionRu: ru.description } : {}),
    brand: product.brand,
    categoryPath: slug ? (paths.get(slug) ?? [slug]) : [],
    price: product.price.amount,
    currency: product.price.currency,
    rating: product.rating,
    popularity: 0,
    createdAt: product.createdAt,
    attributes: product.attributes,
    colours: [...colours],
    sizes: [...sizes],
    imageUrl: product.imageUrl,
    variantId: cheapest?.id ?? null,
  };
}
