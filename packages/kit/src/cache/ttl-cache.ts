/**
 * A small in-process cache: entries live `ttlMs`, the least recently used go first past `maxEntries`,
 * and concurrent misses for one key share a single load (no stampede on the database).
 */

export interface TtlCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

export interface TtlCache<V> {
  /** The cached value, or the loader's (stored only when it resolves). */
  getOrLoad(key: string, load: () => Promise<V>): Promise<V>;
  /** Forgets everything (e.g. after a write that must show at once). */
  clear(): void;
  readonly size: number;
}

/** Builds a cache; a `ttlMs` of 0 turns it off (every call loads). */
export function createTtlCache<V>(options: TtlCacheOptions): TtlCache<V> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: V; expires: number }>();
  const loading = new Map<string, Promise<V>>();
  return {
    get size() {
      return entries.size;
    },
    clear: () => entries.clear(),
    async getOrLoad(key, load) {
      if (options.ttlMs <= 0) return load();
      const hit = entries.get(key);
      if (hit && hit.expires > now()) {
        // Re-insert so Map order tracks recency.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      entries.delete(key);
      const pending = loading.get(key);
      if (pending) return pending;
      const promise = load()
        .then((value) => {
          entries.set(key, { value, expires: now() + options.ttlMs });
          while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
          return value;
        })
        .finally(() => loading.delete(key));
      loading.set(key, promise);
      return promise;
    },
  };
}
