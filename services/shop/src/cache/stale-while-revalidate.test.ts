import { describe, expect, it } from 'vitest';
import { createSwrCache } from './stale-while-revalidate.ts';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('stale-while-revalidate cache', () => {
  it('serves a fresh entry without loading again', async () => {
    const time = clock();
    const cache = createSwrCache<number>({ ttlMs: 1000, staleMs: 1000, maxEntries: 10, now: time.now });
    let loads = 0;
    const load = async () => (loads += 1);
    expect(await cache.getOrLoad('k', load)).toBe(1);
    time.advance(999);
    expect(await cache.getOrLoad('k', load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('answers a stale entry at once and replaces it with one background load', async () => {
    const time = clock();
    const cache = createSwrCache<string>({ ttlMs: 1000, staleMs: 1000, maxEntries: 10, now: time.now });
    await cache.getOrLoad('k', async () => 'old');
    time.advance(1500);
    const next = deferred<string>();
    let loads = 0;
    const load = () => {
      loads += 1;
      return next.promise;
    };
    expect(await cache.getOrLoad('k', load)).toBe('old');
    expect(await cache.getOrLoad('k', load)).toBe('old');
    expect(loads).toBe(1);
    next.resolve('new');
    await next.promise;
    await Promise.resolve();
    expect(await cache.getOrLoad('k', load)).toBe('new');
  });

  it('makes the reader wait once the entry is older than ttl plus the stale window', async () => {
    const time = clock();
    const cache = createSwrCache<string>({ ttlMs: 1000, staleMs: 1000, maxEntries: 10, now: time.now });
    await cache.getOrLoad('k', async () => 'old');
    time.advance(2000);
    expect(await cache.getOrLoad('k', async () => 'new')).toBe('new');
  });

  it('keeps an expensive answer fresh for costFactor times its load time', async () => {
    const time = clock();
    const cache = createSwrCache<string>({
      ttlMs: 1000,
      staleMs: 0,
      maxEntries: 10,
      costFactor: 20,
      now: time.now,
    });
    await cache.getOrLoad('slow', async () => {
      time.advance(500);
      return 'slow';
    });
    time.advance(9000);
    expect(await cache.getOrLoad('slow', async () => 'reloaded')).toBe('slow');
    time.advance(1000);
    expect(await cache.getOrLoad('slow', async () => 'reloaded')).toBe('reloaded');
  });

  it('shares one load between concurrent misses', async () => {
    const cache = createSwrCache<number>({ ttlMs: 1000, staleMs: 0, maxEntries: 10 });
    const gate = deferred<number>();
    let loads = 0;
    const load = () => {
      loads += 1;
      return gate.promise;
    };
    const both = Promise.all([cache.getOrLoad('k', load), cache.getOrLoad('k', load)]);
    gate.resolve(7);
    expect(await both).toEqual([7, 7]);
    expect(loads).toBe(1);
  });

  it('does not let a load that started before clear() put its older answer back', async () => {
    const cache = createSwrCache<string>({ ttlMs: 1000, staleMs: 0, maxEntries: 10 });
    const gate = deferred<string>();
    const before = cache.getOrLoad('k', () => gate.promise);
    cache.clear();
    gate.resolve('before the change');
    expect(await before).toBe('before the change');
    expect(await cache.getOrLoad('k', async () => 'after the change')).toBe('after the change');
  });

  it('keeps the stale answer when a background refresh fails, and reports the failure', async () => {
    const time = clock();
    const failures: unknown[] = [];
    const cache = createSwrCache<string>({
      ttlMs: 1000,
      staleMs: 5000,
      maxEntries: 10,
      now: time.now,
      onRefreshError: (error) => failures.push(error),
    });
    await cache.getOrLoad('k', async () => 'old');
    time.advance(1500);
    expect(await cache.getOrLoad('k', () => Promise.reject(new Error('database down')))).toBe('old');
    await new Promise((resolve) => setImmediate(resolve));
    expect(failures).toHaveLength(1);
    expect(await cache.getOrLoad('k', async () => 'new')).toBe('old');
  });

  it('evicts the least recently used entry past maxEntries, and loads every time with ttl 0', async () => {
    const cache = createSwrCache<string>({ ttlMs: 1000, staleMs: 0, maxEntries: 2 });
    await cache.getOrLoad('a', async () => 'a');
    await cache.getOrLoad('b', async () => 'b');
    await cache.getOrLoad('a', async () => 'a2');
    await cache.getOrLoad('c', async () => 'c');
    expect(await cache.getOrLoad('a', async () => 'a3')).toBe('a');
    expect(await cache.getOrLoad('b', async () => 'b2')).toBe('b2');
    const off = createSwrCache<number>({ ttlMs: 0, staleMs: 0, maxEntries: 2 });
    let loads = 0;
    await off.getOrLoad('k', async () => (loads += 1));
    await off.getOrLoad('k', async () => (loads += 1));
    expect(loads).toBe(2);
  });
});
