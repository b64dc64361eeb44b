/**
 * Public catalog answers, serialized once and reused with their ETag. Any change to the catalog clears
 * it: this replica's own writes at once, other replicas through the service's own product events, and
 * the short TTL bounds what a replica that missed an event can show (a price change shows within it).
 */
import { createHash } from 'node:crypto';
import { createTtlCache } from '@sauda/kit';
import type { FastifyReply, FastifyRequest } from 'fastify';

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

/** `public, max-age` as long as the in-process TTL: browsers and CDNs keep a copy no longer than we do. */
export function createCatalogCache(ttlMs: number): CatalogCache {
  const cache = createTtlCache<CachedAnswer>({ ttlMs, maxEntries: 5000 });
  // The generation is part of every key: a load that started before a change finishes under the old
  // generation's key, which nobody reads any more, instead of re-filling the cache with stale data.
  let generation = 0;
  return {
    get: (key, load) => cache.getOrLoad(`${generation}:${key}`, async () => serialize(await load())),
    invalidate: () => {
      generation += 1;
      cache.clear();
    },
  };
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
    .header('cache-control', `public, max-age=${maxAgeSeconds}`)
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
