import { describe, expect, it } from 'vitest';
import { createTtlCache } from './ttl-cache.ts';

describe('createTtlCache', () => {
  it('serves a stored value until it expires, then loads again', async () => {
    let now = 0;
    let loads = 0;
    const cache = createTtlCache<number>({ ttlMs: 1000, maxEntries: 10, now: () => now });
    const load = () => Promise.resolve(++loads);
    expect(await cache.getOrLoad('a', load)).toBe(1);
    now = 999;
    expect(await cache.getOrLoad('a', load)).toBe(1);
    now = 1000;
    expect(await cache.getOrLoad('a', load)).toBe(2);
  });

  it('shares one load between concurrent misses of the same key', async () => {
    let loads = 0;
    let release: (value: number) => void = () => undefined;
    const cache = createTtlCache<number>({ ttlMs: 1000, maxEntries: 10 });
    const load = () => (++loads, new Promise<number>((resolve) => (release = resolve)));
    const both = Promise.all([cache.getOrLoad('a', load), cache.getOrLoad('a', load)]);
    release(7);
    expect(await both).toEqual([7, 7]);
    expect(loads).toBe(1);
  });

  it('never stores a failed load', async () => {
    const cache = createTtlCache<number>({ ttlMs: 1000, maxEntries: 10 });
    await expect(cache.getOrLoad('a', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.getOrLoad('a', () => Promise.resolve(1))).toBe(1);
  });

  it('drops the least recently used entry past the limit', async () => {
    const cache = createTtlCache<string>({ ttlMs: 1000, maxEntries: 2 });
    await cache.getOrLoad('a', () => Promise.resolve('a'));
    await cache.getOrLoad('b', () => Promise.resolve('b'));
    await cache.getOrLoad('a', () => Promise.resolve('stale'));
    await cache.getOrLoad('c', () => Promise.resolve('c'));
    expect(cache.size).toBe(2);
    expect(await cache.getOrLoad('b', () => Promise.resolve('reloaded'))).toBe('reloaded');
    expect(await cache.getOrLoad('c', () => Promise.resolve('reloaded'))).toBe('c');
  });

  it('loads every time when turned off', async () => {
    let loads = 0;
    const cache = createTtlCache<number>({ ttlMs: 0, maxEntries: 10 });
    await cache.getOrLoad('a', () => Promise.resolve(++loads));
    await cache.getOrLoad('a', () => Promise.resolve(++loads));
    expect(loads).toBe(2);
  });
});
