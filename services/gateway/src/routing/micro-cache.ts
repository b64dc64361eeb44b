/**
 * A CDN-like micro-cache for anonymous public reads: a GET without credentials (no Authorization, no
 * Cookie) whose answer the service marked `Cache-Control: public, s-maxage=N` is kept for N seconds
 * (capped), keyed by path, query and the request headers answers vary by, and served to the next anonymous
 * readers without asking the service. Concurrent misses of one key wait for the first one's answer
 * (request collapsing). Memory is bounded by entries and bytes, least recently used first out.
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
}

interface Entry {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  storedAt: number;
  expires: number;
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
  readonly size: number;
}

// Never replayed: hop-by-hop headers, and those the gateway sets for each request itself.
const NOT_STORED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'x-request-id', 'age']);
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

/** Builds the cache. */
export function createMicroCache(options: MicroCacheOptions): MicroCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const maxTtlMs = options.maxTtlMs ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 512 * 1024;
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<void>>();
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
  };
  const store = (key: string, entry: Entry) => {
    remove(key);
    entries.set(key, entry);
    bytes += entry.body.length;
    while (entries.size > maxEntries || bytes > options.maxBytes)
      remove(entries.keys().next().value as string);
  };
  const fresh = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now()) {
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
      const entry = { status: 200, headers, body, storedAt, expires: storedAt + ttl };
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
