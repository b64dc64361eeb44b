/**
 * The initial load of the index from shop's API: the category tree in three languages, then every listed
 * product from the catalog export (id order, a cursor per page) in English and Russian; popularity gives
 * the prior.
 */
import type { CatalogExportPage, Category, Product } from '@sauda/contracts';
import type { HttpClient } from '@sauda/kit';
import type { CatalogIndex } from '../retrieval/catalog-index.ts';
import { categoryTables, productFromShop, type CategoryPaths } from './from-shop.ts';
import type { CategoryNames } from '../dialogue/search-turn.ts';

const PAGE = 500;

/** Reads the category tree in en/ru/kk. */
export async function loadCategories(
  shop: HttpClient,
): Promise<{ names: CategoryNames; paths: CategoryPaths }> {
  const read = async (lang: string) =>
    (await shop.get<{ items: Category[] }>('/categories', { headers: { 'accept-language': lang } })).items;
  const [en, ru, kk] = await Promise.all([read('en'), read('ru'), read('kk')]);
  return categoryTables({ en, ru, kk });
}

type Exported = CatalogExportPage['items'][number];

/** The whole export in one language, most popular first (newest first among equals). */
async function readAll(shop: HttpClient, lang: string): Promise<Exported[]> {
  const products: Exported[] = [];
  let after: string | null = null;
  do {
    const answer: CatalogExportPage = await shop.get<CatalogExportPage>('/catalog/export', {
      query: { limit: PAGE, ...(after ? { after } : {}) },
      headers: { 'accept-language': lang },
    });
    products.push(...answer.items);
    after = answer.next;
  } while (after);
  return products.sort(
    (a, b) =>
      b.popularity - a.popularity || b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
  );
}

/** Loads every listed product into the index and learns its vectors; returns how many. */
export async function loadCatalog(
  shop: HttpClient,
  index: CatalogIndex,
  paths: CategoryPaths,
): Promise<number> {
  const [en, ru] = await Promise.all([readAll(shop, 'en'), readAll(shop, 'ru')]);
  const russian = new Map(ru.map((p) => [p.id, p]));
  en.forEach((product, rank) => {
    const item = productFromShop(product, paths, russian.get(product.id));
    // The listing is ordered by popularity: its rank is the prior the ranking uses.
    index.upsert({ ...item, popularity: Math.max(0, en.length - rank) });
  });
  index.buildVectors();
  return en.length;
}

/** Re-reads one product after an event: in the index while the shop lists it, out of it otherwise. */
export async function refreshProduct(
  shop: HttpClient,
  index: CatalogIndex,
  paths: CategoryPaths,
  id: string,
): Promise<void> {
  const read = (lang: string) =>
    shop.get<Product>(`/products/${id}`, { headers: { 'accept-language': lang } }).catch((error: unknown) => {
      if (error instanceof Error && 'status' in error && (error as { status: number }).status === 404)
        return null;
      throw error;
    });
  const [en, ru] = await Promise.all([read('en'), read('ru')]);
  if (!en || en.status !== 'active') {
    index.remove(id);
    return;
  }
  const previous = index.get(id);
  index.upsert({ ...productFromShop(en, paths, ru ?? undefined), popularity: previous?.popularity ?? 0 });
}
