import { describe, expect, it } from 'vitest';
import { createUpstreamPools, primaryUrls, splitUrls } from './upstream-pool.ts';

describe('upstream pools', () => {
  it('read one or several replicas per service from a comma-separated list', () => {
    expect(splitUrls('http://a:1/, http://b:2')).toEqual(['http://a:1', 'http://b:2']);
    const pools = createUpstreamPools({ shop: 'http://a:1,http://b:2', users: 'http://u:3' });
    expect(primaryUrls(pools)).toEqual({ shop: 'http://a:1', users: 'http://u:3' });
  });

  it('take turns, skip a replica marked down until its pause ends, and offer another for a retry', () => {
    let now = 0;
    const pool = createUpstreamPools({ shop: 'http://a,http://b' }, { downForMs: 1000, now: () => now }).get(
      'shop',
    );
    if (!pool) throw new Error('no pool');
    expect([pool.pick(), pool.pick(), pool.pick()]).toEqual(['http://a', 'http://b', 'http://a']);
    pool.markDown('http://a');
    expect([pool.pick(), pool.pick()]).toEqual(['http://b', 'http://b']);
    expect(pool.next('http://b')).toBe('http://a');
    now = 1001;
    expect(new Set([pool.pick(), pool.pick()])).toEqual(new Set(['http://a', 'http://b']));
  });

  it('still answers when every replica is down (the request then fails or finds one back)', () => {
    const pool = createUpstreamPools({ shop: 'http://a' }).get('shop');
    pool?.markDown('http://a');
    expect(pool?.pick()).toBe('http://a');
    expect(pool?.next('http://a')).toBeUndefined();
  });
});
