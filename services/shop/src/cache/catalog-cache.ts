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

export interface CatalogCache {
  /** The cached serialized answer for `key`, or the loader's (serialized and hashed once). */
  get(key: string, load: () => Promise<unknown>): Promise<CachedAnswer>;
  /** Forgets every answer: called after a catalog change. */
  invalidate(): void;
}

/**
 * `public, max-age` as long as the in-process TTL: browsers and CDNs keep a copy no longer than we do.
 * Past the TTL an answer is still served for one more TTL while a single background load refreshes it,
 * so readers of a busy key never wait for the database; a change clears everything at once.
 */
export function createCatalogCache(ttlMs: number): CatalogCache {
  // clear() also makes a load that started before a change unable to re-fill the cache with stale data.
  // A failed background refresh needs no handling: the stale answer expires, and the next reader's own
  // load then meets the error (a 404 for a product gone, a 503 while the database is down).
  const cache = createSwrCache<CachedAnswer>({ ttlMs, staleMs: ttlMs, maxEntries: 5000 });
  return {
    get: (key, load) => cache.getOrLoad(key, async () => serialize(await load())),
    invalidate: () => cache.clear(),
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
