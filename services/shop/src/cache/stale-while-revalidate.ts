/**
 * An in-process cache that never makes a reader wait for a refresh it can avoid: an entry is fresh for
 * `ttlMs`; for `staleMs` after that it is still served while one background load replaces it; past
 * that (or when absent) the reader waits for the load. Concurrent misses share one load, the least
 * recently used entries go first past `maxEntries`, and `clear()` forgets everything at once (a
 * refresh that started before it cannot put its older answer back); `delete(key)` forgets one entry the
 * same way.
 */

export interface SwrCacheOptions<V = unknown> {
  /** A function is asked at every read (a TTL that shortens while the change feed is not followed). */
  ttlMs: number | (() => number);
  staleMs: number;
  maxEntries: number;
  now?: () => number;
  /**
   * An entry that took `loadMs` to load stays fresh at least `loadMs × costFactor`, so refreshing an
   * expensive answer never takes more than 1/costFactor of the time (e.g. 20: at most 5 %).
   */
  costFactor?: number;
  /**
   * When a value stops being true by the clock (e.g. a sale that starts), epoch ms: the entry is neither
   * fresh nor served stale past it.
   */
  validUntil?: (value: V) => number | undefined;
  /** Told about a failed background refresh (the stale answer stays until it expires). */
  onRefreshError?: (error: unknown) => void;
}

export interface SwrCache<V> {
  getOrLoad(key: string, load: () => Promise<V>): Promise<V>;
  clear(): void;
  delete(key: string): void;
  readonly size: number;
}

interface Entry<V> {
  value: V;
  storedAt: number;
  ttlMs: number;
  validUntil: number;
}

/** Builds the cache; a `ttlMs` of 0 turns it off (every call loads). */
export function createSwrCache<V>(options: SwrCacheOptions<V>): SwrCache<V> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<V>>();
  const loading = new Map<string, Promise<V>>();
  // Loads that started before their key was deleted: their answers are not stored.
  const voided = new WeakSet<Promise<V>>();
  let generation = 0;
  const ttlNow = () => (typeof options.ttlMs === 'function' ? options.ttlMs() : options.ttlMs);

  const start = (key: string, load: () => Promise<V>): Promise<V> => {
    const pending = loading.get(key);
    if (pending) return pending;
    const startedIn = generation;
    const startedAt = now();
    const promise: Promise<V> = load()
      .then((value) => {
        if (startedIn === generation && !voided.has(promise)) {
          const ttlMs = Math.max(ttlNow(), (now() - startedAt) * (options.costFactor ?? 0));
          entries.delete(key);
          const validUntil = options.validUntil?.(value) ?? Number.POSITIVE_INFINITY;
          entries.set(key, { value, storedAt: startedAt, ttlMs, validUntil });
          while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
        }
        return value;
      })
      .finally(() => {
        if (loading.get(key) === promise) loading.delete(key);
      });
    loading.set(key, promise);
    return promise;
  };

  return {
    get size() {
      return entries.size;
    },
    clear: () => {
      generation += 1;
      entries.clear();
      loading.clear();
    },
    delete: (key) => {
      entries.delete(key);
      const pending = loading.get(key);
      if (pending) voided.add(pending);
      loading.delete(key);
    },
    async getOrLoad(key, load) {
      const ttl = ttlNow();
      if (ttl <= 0) return load();
      const hit = entries.get(key);
      const age = hit ? now() - hit.storedAt : Number.POSITIVE_INFINITY;
      // Under a TTL that can shorten, an entry stored under a longer one lives only as long as today's allows.
      const hitTtl = !hit ? 0 : typeof options.ttlMs === 'function' ? Math.min(hit.ttlMs, ttl) : hit.ttlMs;
      if (hit && age < hitTtl + options.staleMs && now() < hit.validUntil) {
        // Re-insert so Map order tracks recency.
        entries.delete(key);
        entries.set(key, hit);
        if (age >= hitTtl) start(key, load).catch((error) => options.onRefreshError?.(error));
        return hit.value;
      }
      return start(key, load);
    },
  };
}
