/**
 * A CDN-like micro-cache for anonymous public reads: a GET without credentials (no Authorization, no
 * Cookie) whose answer the service marked `Cache-Control: public, s-maxage=N` is kept for N seconds
 * (capped), keyed by path, query and the request headers answers vary by, and served to the next anonymous
 * readers without asking the service. Concurrent misses of one key wait for the first one's answer
 * (request collapsing). Memory is bounded by entries and bytes, least recently used first out.
 *
 * An edge, too (ADR 0009): an answer with `Surrogate-Control: max-age=N` and `Surrogate-Key: tag …` is kept
 * N seconds instead of its s-maxage while `edge.live()` says the purge feed is followed; `purge(tags)` drops
 * the answers carrying those tags. Both headers are for this cache only and never reach the client. After a
 * purge, a refill of the same tag within `refillGraceMs` is kept only its s-maxage: a replica of the service
 * may still serve the old page from its memory for one of its own polls.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface MicroCacheOptions {
  /** Total body bytes kept; 0 turns the cache off. */
  maxBytes: number;
  maxEntries?: number;
  /** The longest an answer is kept, whatever its s-maxage says. */
  maxTtlMs?: number;
  /** Bodies larger than this are never stored (they stream through). */
  maxBodyBytes?: number;
  now?: () => number;
  /** The purge feed's state; without it Surrogate-Control is ignored. */
  edge?: EdgeOptions;
}

export interface EdgeOptions {
  /** Whether purges arrive (the feed was read recently): only then is an answer kept beyond s-maxage. */
  live: () => boolean;
  /** The longest Surrogate-Control honoured (default 300 s). */
  maxTtlMs?: number;
  /** How long after a purge a refill of its tags is kept only its s-maxage (default 2 s). */
  refillGraceMs?: number;
}

interface Entry {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  storedAt: number;
  expires: number;
  /** When a long (surrogate) TTL applies: the s-maxage expiry it falls back to if purges stop. */
  shortExpires?: number;
  tags: string[];
}

/** What an upstream answer looks like to the cache (undici's response as reply-from hands it over). */
export interface UpstreamAnswer {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  stream: AsyncIterable<Buffer | string>;
}

export interface MicroCache {
  /** The key of a request the cache may answer, or undefined (not a GET, or it carries credentials). */
  keyOf(request: FastifyRequest): string | undefined;
  /**
   * Sends the stored answer (or 304) when there is a fresh one, waiting for a miss already in flight;
   * false when the caller must forward the request (the first miss then leads until its reply ends).
   */
  serve(key: string, request: FastifyRequest, reply: FastifyReply): Promise<boolean>;
  /**
   * Sends an upstream answer, storing it when it is marked shareable (the upstream was asked without the
   * reader's validators, so a 304 for this reader is decided here).
   */
  capture(key: string, request: FastifyRequest, reply: FastifyReply, answer: UpstreamAnswer): Promise<void>;
  /** Drops the answers carrying any of `tags` (e.g. `product:<id>`). */
  purge(tags: readonly string[]): void;
  /** Drops every answer. */
  purgeAll(): void;
  readonly size: number;
}

/** Headers meant for this cache alone: never stored, never sent on. */
export const SURROGATE_HEADERS = ['surrogate-control', 'surrogate-key'] as const;

// Never replayed: hop-by-hop headers, and those the gateway sets for each request itself.
const NOT_STORED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'date',
  'x-request-id',
  'age',
  ...SURROGATE_HEADERS,
]);
const VARY_OK = new Set(['accept-language', 'accept-encoding', 'origin']);
/** How long a key whose answer was not shareable goes straight through, without waiting for others. */
const PASS_MS = 30_000;

/** s-maxage in ms when the answer may be shared, else 0. */
export function sharedMaxAgeMs(headers: UpstreamAnswer['headers']): number {
  const cacheControl = String(headers['cache-control'] ?? '').toLowerCase();
  if (!/\bpublic\b/.test(cacheControl) || /\b(private|no-store|no-cache)\b/.test(cacheControl)) return 0;
  if (headers['set-cookie'] !== undefined) return 0;
  const vary = String(headers.vary ?? '')
    .toLowerCase()
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (vary.some((name) => !VARY_OK.has(name))) return 0;
  const match = /\bs-maxage=(\d+)/.exec(cacheControl);
  return match ? Number(match[1]) * 1000 : 0;
}

/** Surrogate-Control's max-age in ms (0 when absent), and the Surrogate-Key tags. */
function surrogateOf(headers: UpstreamAnswer['headers']): { ttlMs: number; tags: string[] } {
  const control = /\bmax-age=(\d+)/.exec(String(headers['surrogate-control'] ?? ''));
  const tags = String(headers['surrogate-key'] ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 16);
  return { ttlMs: control ? Number(control[1]) * 1000 : 0, tags };
}

/** Builds the cache. */
export function createMicroCache(options: MicroCacheOptions): MicroCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const maxTtlMs = options.maxTtlMs ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 512 * 1024;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<void>>();
  const edgeMaxTtlMs = options.edge?.maxTtlMs ?? 300_000;
  const refillGraceMs = options.edge?.refillGraceMs ?? 2_000;
  // Which keys carry each tag, and when each tag was last purged (for the refill grace).
  const keysOf = new Map<string, Set<string>>();
  const purgedAt = new Map<string, number>();
  // Keys whose last answer was not shareable ("hit-for-pass"): their readers are not collapsed.
  const passUntil = new Map<string, number>();
  let bytes = 0;
  const lead = (key: string, reply: FastifyReply) => {
    const done = new Promise<void>((resolve) => reply.raw.once('close', resolve));
    inFlight.set(key, done);
    void done.then(() => {
      if (inFlight.get(key) === done) inFlight.delete(key);
    });
  };
  const passing = (key: string) => (passUntil.get(key) ?? 0) > now();
  const pass = (key: string) => {
    passUntil.delete(key);
    passUntil.set(key, now() + PASS_MS);
    while (passUntil.size > maxEntries) passUntil.delete(passUntil.keys().next().value as string);
  };

  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
    for (const tag of entry.tags) {
      const keys = keysOf.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) keysOf.delete(tag);
    }
  };
  const store = (key: string, entry: Entry) => {
    remove(key);
    entries.set(key, entry);
    bytes += entry.body.length;
    for (const tag of entry.tags) {
      const keys = keysOf.get(tag) ?? new Set<string>();
      keys.add(key);
      keysOf.set(tag, keys);
    }
    while (entries.size > maxEntries || bytes > options.maxBytes)
      remove(entries.keys().next().value as string);
  };
  const fresh = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    const at = now();
    // A long-kept answer is only as good as the purges: without them it lives its s-maxage.
    const expires =
      entry.shortExpires !== undefined && !(options.edge?.live() ?? false)
        ? entry.shortExpires
        : entry.expires;
    if (expires <= at) {
      remove(key);
      return undefined;
    }
    // Re-insert so Map order tracks recency.
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  };

  return {
    get size() {
      return entries.size;
    },
    purge(tags) {
      const at = now();
      for (const tag of tags) {
        for (const key of [...(keysOf.get(tag) ?? [])]) remove(key);
        purgedAt.delete(tag);
        purgedAt.set(tag, at);
      }
      // Only recent purges matter (the refill grace): forget the oldest past a bound.
      while (purgedAt.size > maxEntries) purgedAt.delete(purgedAt.keys().next().value as string);
    },
    purgeAll() {
      for (const key of [...entries.keys()]) remove(key);
    },
    keyOf(request) {
      if (options.maxBytes <= 0 || request.method !== 'GET') return undefined;
      const { authorization, cookie } = request.headers;
      if (authorization !== undefined || cookie !== undefined) return undefined;
      const language = String(request.headers['accept-language'] ?? '').slice(0, 64);
      const encoding = String(request.headers['accept-encoding'] ?? '').slice(0, 64);
      const origin = String(request.headers.origin ?? '').slice(0, 200);
      return `${request.url}\n${language}\n${encoding}\n${origin}`;
    },
    async serve(key, request, reply) {
      // Everything up to the first await runs at once, so two readers never both become the leader.
      const entry = fresh(key);
      if (entry) return sendEntry(request, reply, entry, 'HIT', now());
      if (passing(key)) return false;
      const pending = inFlight.get(key);
      if (!pending) {
        lead(key, reply);
        return false;
      }
      await pending;
      const filled = fresh(key);
      return filled ? sendEntry(request, reply, filled, 'HIT', now()) : false;
    },
    async capture(key, request, reply, answer) {
      const ttl = Math.min(sharedMaxAgeMs(answer.headers), maxTtlMs);
      const length = Number(answer.headers['content-length'] ?? Number.NaN);
      if (answer.statusCode !== 200 || ttl <= 0 || !(length <= maxBodyBytes)) {
        if (answer.statusCode < 500) pass(key);
        await reply.send(answer.stream);
        return;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of answer.stream) chunks.push(Buffer.from(chunk));
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(answer.headers))
        if (value !== undefined && !NOT_STORED.has(name.toLowerCase()))
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      const storedAt = now();
      passUntil.delete(key);
      const surrogate = surrogateOf(answer.headers);
      const refill = surrogate.tags.some(
        (tag) => storedAt - (purgedAt.get(tag) ?? -Infinity) < refillGraceMs,
      );
      const long = options.edge && surrogate.ttlMs > ttl && !refill && options.edge.live();
      const entry: Entry = {
        status: 200,
        headers,
        body,
        storedAt,
        expires: storedAt + (long ? Math.min(surrogate.ttlMs, edgeMaxTtlMs) : ttl),
        ...(long ? { shortExpires: storedAt + ttl } : {}),
        tags: surrogate.tags,
      };
      store(key, entry);
      await sendEntry(request, reply, entry, 'MISS', storedAt);
    },
  };
}

/** The stored body (or 304 when the reader already holds it) with the upstream's headers. */
async function sendEntry(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: Entry,
  cache: 'HIT' | 'MISS',
  at: number,
): Promise<true> {
  for (const [name, value] of Object.entries(entry.headers)) void reply.header(name, value);
  void reply.header('age', String(Math.floor((at - entry.storedAt) / 1000)));
  void reply.header('x-cache', cache);
  const etag = entry.headers.etag;
  const match = request.headers['if-none-match'];
  if (etag && match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    void reply.removeHeader('content-length');
    await reply.status(304).send();
  } else {
    await reply.status(entry.status).send(entry.body);
  }
  return true;
}
