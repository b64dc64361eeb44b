/** Public catalog routes: search, suggestions, product page, categories, exchange rates, media files. */
import {
  CatalogExportPage,
  Category,
  ExchangeRate,
  ProductPage,
  ProductQuery,
  Product,
  Suggestion,
  Uuid,
} from '@sauda/contracts';
import { hasRole, requestLocale, type App, type Db } from '@sauda/kit';
import { Type } from '@sinclair/typebox';
import {
  listingKey,
  sendCacheable,
  sendPage,
  sendPrivate,
  type CatalogCache,
} from '../cache/catalog-cache.ts';
import { listCategories } from '../categories/list-categories.ts';
import { InvalidCursor, MediaNotFound, PageTooDeep } from '../errors.ts';
import { MEDIA_KEY, type MediaStore } from '../media/media-store.ts';
import { listRates } from '../prices/exchange-rates.ts';
import { getProduct } from '../products/get-product.ts';
import { readCatalogChanges, validCursor } from '../data/catalog-changes-repo.ts';
import { exportPage } from '../data/search-repo.ts';
import { toProduct } from '../data/products-repo.ts';
import { searchProducts, type FacetSource } from '../products/search-products.ts';
import { suggest } from '../products/suggest.ts';

/** The deepest listing row a page may reach (page × limit); past it, filters narrow the list instead. */
export const MAX_LISTING_DEPTH = 10_000;

const anyone = { auth: { access: 'public', owns: 'public catalog data' } } as const;

/** Registers the catalog routes; `maxAgeSeconds` is what browsers may reuse without asking again. */
export function catalogRoutes(
  app: App,
  db: Db,
  cache: CatalogCache,
  media: MediaStore,
  maxAgeSeconds: number,
  facets?: FacetSource,
): void {
  app.get(
    '/products',
    {
      config: anyone,
      schema: {
        tags: ['catalog'],
        summary: 'Search and list products (ETag, Cache-Control)',
        querystring: Type.Composite([ProductQuery, Type.Object({ lang: Type.Optional(Type.String()) })], {
          additionalProperties: false,
        }),
        response: { 200: ProductPage, 304: Type.Null() },
      },
    },
    async (request, reply) => {
      const { lang: _lang, ...query } = request.query;
      // An offset costs a pass over every row before it: deep pages are refused, not scanned.
      if (query.page * query.limit > MAX_LISTING_DEPTH) throw new PageTooDeep();
      const locale = requestLocale(request);
      const answer = await cache.get(listingKey(locale, query), () =>
        searchProducts(db, query, locale, facets),
      );
      return sendCacheable(request, reply, answer, maxAgeSeconds);
    },
  );
  app.get(
    '/.well-known/catalog-changes.json',
    {
      // Polled four times a second by every gateway replica: not a line per request in the logs.
      logLevel: 'warn',
      config: {
        auth: {
          access: 'public',
          owns: 'ids of public products whose pages changed (not routed by the gateway)',
        },
      },
      schema: {
        tags: ['catalog'],
        summary: 'The catalog change feed: product pages changed since a cursor (ADR 0009)',
        querystring: Type.Object(
          { cursor: Type.Optional(Type.String({ maxLength: 2_200 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ cursor: Type.String(), all: Type.Boolean(), products: Type.Array(Uuid) }),
        },
      },
    },
    async (request, reply) => {
      const { cursor } = request.query;
      if (cursor !== undefined && !validCursor(cursor)) throw new InvalidCursor();
      reply.header('cache-control', 'no-store');
      return readCatalogChanges(db, cursor);
    },
  );
  app.get(
    '/catalog/export',
    {
      config: anyone,
      schema: {
        tags: ['catalog'],
        summary: 'Every listed product in id order, page by page (for services reading the whole catalog)',
        querystring: Type.Object(
          {
            after: Type.Optional(Uuid),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }),
            lang: Type.Optional(Type.String()),
          },
          { additionalProperties: false },
        ),
        response: { 200: CatalogExportPage },
      },
    },
    async (request) => {
      const locale = requestLocale(request);
      const rows = await exportPage(db, request.query.after, request.query.limit);
      const last = rows.at(-1);
      return {
        items: rows.map((row) => ({ ...toProduct(row, locale), popularity: row.popularity })),
        next: rows.length === request.query.limit && last ? last.id : null,
      };
    },
  );
  app.get(
    '/products/suggest',
    {
      config: anyone,
      schema: {
        tags: ['catalog'],
        summary: 'Autocomplete suggestions: categories, brands and products',
        querystring: Type.Object(
          { q: Type.String({ maxLength: 100 }), lang: Type.Optional(Type.String()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Suggestion) }), 304: Type.Null() },
      },
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const q = request.query.q.trim().toLowerCase();
      const answer = await cache.get(`suggest:${locale}:${q}`, async () => ({
        items: await suggest(db, q, locale),
      }));
      return sendCacheable(request, reply, answer, maxAgeSeconds);
    },
  );
  app.get(
    '/products/:idOrSlug',
    {
      config: anyone,
      schema: {
        tags: ['catalog'],
        summary: 'One product by id or slug, with variants and gallery (ETag, Cache-Control)',
        params: Type.Object({ idOrSlug: Type.String({ minLength: 1, maxLength: 120 }) }),
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
        response: { 200: Type.Ref(Product), 304: Type.Null() },
      },
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const caller = request.principal;
      // Sellers and admins may see more than the public page (drafts, translations): never shared.
      if (caller && (hasRole(caller, 'seller') || hasRole(caller, 'admin'))) {
        const own = await getProduct(db, request.params.idOrSlug, caller, locale);
        const publicAnswer = own.sellerId !== caller.id && !hasRole(caller, 'admin');
        if (!publicAnswer) return sendPrivate(reply, own);
      }
      const answer = await cache.getPage(`product:${locale}:${request.params.idOrSlug}`, () =>
        getProduct(db, request.params.idOrSlug, undefined, locale),
      );
      return sendPage(request, reply, answer, maxAgeSeconds, cache.pagesFollowFeed());
    },
  );
  app.get(
    '/categories',
    {
      config: anyone,
      schema: {
        tags: ['catalog'],
        summary: 'The category tree',
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
        response: { 200: Type.Object({ items: Type.Array(Category) }), 304: Type.Null() },
      },
    },
    async (request, reply) => {
      const locale = requestLocale(request);
      const answer = await cache.get(`categories:${locale}`, async () => ({
        items: await listCategories(db, locale),
      }));
      return sendCacheable(request, reply, answer, maxAgeSeconds);
    },
  );
  app.get(
    '/exchange-rates',
    {
      config: anyone,
      schema: {
        tags: ['catalog'],
        summary: 'Display exchange rates (units of each currency per KZT, times 1e9)',
        response: { 200: Type.Object({ base: Type.Literal('KZT'), items: Type.Array(ExchangeRate) }) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return { base: 'KZT' as const, items: await listRates(db) };
    },
  );
  app.get(
    '/media/:folder/:file',
    {
      config: anyone,
      schema: {
        tags: ['catalog'],
        summary: 'An image file (immutable: every upload gets new keys)',
        params: Type.Object({ folder: Type.String({ maxLength: 36 }), file: Type.String({ maxLength: 40 }) }),
      },
    },
    async (request, reply) => {
      const key = `${request.params.folder}/${request.params.file}`;
      const body = MEDIA_KEY.test(key) ? await media.get(key) : undefined;
      if (!body) throw new MediaNotFound();
      const type = key.endsWith('.svg') ? 'image/svg+xml' : key.endsWith('.png') ? 'image/png' : 'image/webp';
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .type(type)
        .send(body);
    },
  );
}
