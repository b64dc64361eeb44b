import { describe, expect, it } from 'vitest';
import { followChanges, type CatalogChanges } from './change-feed.ts';

describe('following a change feed', () => {
  it('sends back the last cursor, keeps it through failures, and starts over after many in a row', async () => {
    const asked: Array<string | undefined> = [];
    let failing = false;
    const applied: CatalogChanges[] = [];
    const follower = followChanges({
      intervalMs: 60_000,
      read: async (cursor) => {
        asked.push(cursor);
        if (failing) throw new Error('feed down');
        return { cursor: `c${asked.length}`, all: cursor === undefined, products: [] };
      },
      apply: (changes) => applied.push(changes),
      now: () => 1_000,
    });
    await follower.poll();
    await follower.poll();
    expect(asked).toEqual([undefined, 'c1']);
    expect(follower.fresh(0)).toBe(true);
    failing = true;
    for (let i = 0; i < 8; i += 1) await follower.poll();
    expect(asked.slice(2, 4)).toEqual(['c2', 'c2']);
    failing = false;
    await follower.poll();
    // Eight failures in a row: the cursor is dropped and the feed answers `all`.
    expect(asked.at(-1)).toBeUndefined();
    expect(applied.at(-1)?.all).toBe(true);
    follower.stop();
  });
});
