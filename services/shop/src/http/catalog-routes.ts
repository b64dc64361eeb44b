/** Public catalog routes: search, product page, categories. */
import { Category, ProductPage, ProductQuery, Product } from '@sauda/contracts';
import { createTtlCache, requestLocale, type App, type Db } from '@sauda/kit';
import { Type, type Static } from '@sinclair/typebox';
import { listCategories } from '../categories/list-categories.ts';
import { getProduct } from '../products/get-product.ts';
import { searchProducts } from '../products/search-products.ts';

const anyone = { auth: { access: 'public', owns: 'public catalog data' } } as const;

/** Registers the catalog routes. */
export function catalogRoutes(app: App, db: Db, cacheTtlMs: number): void {
  // Search answers do not depend on the caller (only active products), so one cached answer serves all.
  const searches = createTtlCache<Static<typeof ProductPage>>({ ttlMs: cacheTtlMs, maxEntries: 1000 });
  app.get(
    '/products',
    {
      config: anyone,
      schema: {
        tags: ['catalog'],
        summary: 'Search and list products',
        querystring: Type.Composite([ProductQuery, Type.Object({ lang: Type.Optional(Type.String()) })], {
          additionalProperties: false,
        }),
        response: { 200: ProductPage },
      },
    },
    async (request) => {
      const { lang: _lang, ...query } = request.query;
      const locale = requestLocale(request);
      return searches.getOrLoad(`${locale}:${JSON.stringify(query)}`, () =>
        searchProducts(db, query, locale),
      );
    },
  );
  app.get(
    '/products/:idOrSlug',
    {
      config: anyone,
      schema: {
        tags: ['catalog'],
        summary: 'One product by id or slug',
        params: Type.Object({ idOrSlug: Type.String({ minLength: 1, maxLength: 120 }) }),
        response: { 200: Type.Ref(Product) },
      },
    },
    async (request) => getProduct(db, request.params.idOrSlug, request.principal, requestLocale(request)),
  );
  app.get(
    '/categories',
    {
      config: anyone,
      schema: {
        tags: ['catalog'],
        summary: 'The category tree',
        response: { 200: Type.Object({ items: Type.Array(Category) }) },
      },
    },
    async (request) => ({ items: await listCategories(db, requestLocale(request)) }),
  );
}
