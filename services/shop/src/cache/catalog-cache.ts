/**
 * Public catalog answers, serialized once and reused with their ETag. Any change to the catalog clears
 * it: this replica's own writes at once, other replicas through the service's own product events, and
 * the short TTL bounds what a replica that missed an event can show (a price change shows within it).
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createSwrCache } from './stale-while-revalidate.ts';

export interface CachedAnswer {
  body: string;
  etag: string;
}

/** A product page's answer: also the product's id (its key may be a slug). */
export interface CachedPage extends CachedAnswer {
  productId: string;
  /** When a sale of one of its variants starts or ends (epoch ms): the page is not kept past it. */
  validUntil?: number;
}

/** What a page needs to be cached: its id, and its variants' sales (their clock boundaries). */
export interface PageSource {
  id: string;
  variants?: Array<{ sale: { startsAt: string; endsAt: string | null } | null }>;
}

/** The next moment a sale of the page starts or ends, after `now`; undefined when none is coming. */
export function nextSaleBoundary(page: PageSource, now: number): number | undefined {
  let next = Number.POSITIVE_INFINITY;
  for (const variant of page.variants ?? []) {
    for (const at of [variant.sale?.startsAt, variant.sale?.endsAt]) {
      const ms = at ? Date.parse(at) : Number.NaN;
      if (ms > now && ms < next) next = ms;
    }
  }
  return Number.isFinite(next) ? next : undefined;
}

export interface CatalogCache {
  /** The cached serialized answer for `key`, or the loader's (serialized and hashed once). */
  get(key: string, load: () => Promise<unknown>): Promise<CachedAnswer>;
  /** The same for a product page, kept as long as the change feed is followed (`pageTtlMs`). */
  getPage(key: string, load: () => Promise<PageSource>): Promise<CachedPage>;
  /** Whether product pages may be kept long (the change feed was read recently): edge caches too. */
  pagesFollowFeed(): boolean;
  /** Forgets every answer: called after a catalog change whose extent is unknown. */
  invalidate(): void;
  /** Forgets these products' pages and every listing (a listing may show any product). */
  invalidateProducts(ids: readonly string[]): void;
}

export interface PageCacheOptions {
  /** How long a product page is kept while `followsFeed()`; otherwise it lives as long as listings. */
  ttlMs: number;
  followsFeed: () => boolean;
}

/** How many product ids the id → keys index remembers (an evicted id only costs a reload). */
const MAX_INDEXED_PRODUCTS = 20_000;

/**
 * `public, max-age` as long as the in-process TTL: browsers and CDNs keep a copy no longer than we do.
 * Past the TTL an answer is still served for one more TTL while a single background load replaces it,
 * so readers of a busy key never wait for the database; a change clears everything at once. Product
 * pages, with `pages`, live `pages.ttlMs` while the change feed is followed (ADR 0009): the feed drops
 * exactly the pages that changed.
 */
export function createCatalogCache(ttlMs: number, pages?: PageCacheOptions): CatalogCache {
  // clear() also makes a load that started before a change unable to re-fill the cache with stale data.
  // A failed background refresh needs no handling: the stale answer expires, and the next reader's own
  // load then meets the error (a 404 for a product gone, a 503 while the database is down).
  const cache = createSwrCache<CachedAnswer>({ ttlMs, staleMs: ttlMs, maxEntries: 5000 });
  const followsFeed = () => pages?.followsFeed() ?? false;
  const pageCache = createSwrCache<CachedPage>({
    ttlMs: () => (followsFeed() ? (pages?.ttlMs ?? ttlMs) : ttlMs),
    staleMs: ttlMs,
    maxEntries: 20_000,
    // A sale starts or ends by the clock, not by a write: the page is not kept past that moment.
    validUntil: (page) => page.validUntil,
  });
  // Which keys (id and slug, per language) hold each product's page.
  const keysOf = new Map<string, Set<string>>();
  const remember = (id: string, key: string) => {
    const keys = keysOf.get(id) ?? new Set<string>();
    keys.add(key);
    keysOf.delete(id);
    keysOf.set(id, keys);
    if (keysOf.size > MAX_INDEXED_PRODUCTS) forget([keysOf.keys().next().value as string]);
  };
  const forget = (ids: readonly string[]) => {
    for (const id of ids) {
      for (const key of keysOf.get(id) ?? []) pageCache.delete(key);
      keysOf.delete(id);
    }
  };
  return {
    get: (key, load) => cache.getOrLoad(key, async () => serialize(await load())),
    getPage: (key, load) =>
      pageCache.getOrLoad(key, async () => {
        const product = await load();
        remember(product.id, key);
        const validUntil = nextSaleBoundary(product, Date.now());
        return {
          ...serialize(product),
          productId: product.id,
          ...(validUntil === undefined ? {} : { validUntil }),
        };
      }),
    pagesFollowFeed: followsFeed,
    invalidate: () => {
      cache.clear();
      pageCache.clear();
      keysOf.clear();
    },
    invalidateProducts: (ids) => {
      cache.clear();
      forget(ids);
    },
  };
}

/**
 * The cache key of a listing: the same search however its URL was written (parameter order, case and
 * spacing of the text), so equal questions share one answer.
 */
export function listingKey(locale: string, query: Record<string, unknown>): string {
  const normal: Record<string, unknown> = {};
  for (const name of Object.keys(query).sort()) {
    const value = query[name];
    if (value === undefined) continue;
    normal[name] =
      name === 'q' && typeof value === 'string' ? value.trim().toLowerCase().replace(/\s+/g, ' ') : value;
  }
  return `list:${locale}:${JSON.stringify(normal)}`;
}

/** Serializes an answer and derives its strong ETag from the bytes. */
export function serialize(value: unknown): CachedAnswer {
  const body = JSON.stringify(value);
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"` };
}

/**
 * How long the gateway (our own edge, which follows the change feed too) may keep a product page: sent as
 * `Surrogate-Control`, which the gateway honours and removes; browsers and other caches see Cache-Control.
 */
export const EDGE_PAGE_SECONDS = 300;

/** Sends a product page: cacheable, and for the gateway's edge cache tagged with the product's id. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CachedPage,
  maxAgeSeconds: number,
  followsFeed: boolean,
): FastifyReply {
  // Not past the next sale boundary either: the edge keeps the page only while it is true by the clock.
  const untilBoundary =
    answer.validUntil === undefined ? EDGE_PAGE_SECONDS : Math.floor((answer.validUntil - Date.now()) / 1000);
  const edgeSeconds = Math.min(EDGE_PAGE_SECONDS, untilBoundary);
  if (followsFeed && maxAgeSeconds > 0 && edgeSeconds > maxAgeSeconds)
    reply
      .header('surrogate-control', `max-age=${edgeSeconds}`)
      .header('surrogate-key', `product:${answer.productId}`);
  return sendCacheable(request, reply, answer, maxAgeSeconds);
}

/** Sends a cacheable answer: 304 when the client's copy is current, else the body with its validators. */
export function sendCacheable(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: CachedAnswer,
  maxAgeSeconds: number,
): FastifyReply {
  reply
    .header('etag', answer.etag)
    // s-maxage lets the gateway's micro-cache share the answer between anonymous readers for as long.
    .header('cache-control', `public, max-age=${maxAgeSeconds}, s-maxage=${maxAgeSeconds}`)
    .header('vary', 'Accept-Language');
  const match = request.headers['if-none-match'];
  if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === answer.etag))
    return reply.status(304).send();
  return reply.type('application/json; charset=utf-8').send(answer.body);
}

/** Sends an answer meant for this caller only (an owner's or admin's view): never stored by anyone. */
export function sendPrivate(reply: FastifyReply, value: unknown): FastifyReply {
  return reply
    .header('cache-control', 'private, no-store')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(value));
}
