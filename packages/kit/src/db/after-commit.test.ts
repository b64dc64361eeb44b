import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { afterCommit, withTransaction } from './db.ts';

describe('afterCommit', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('after-commit');
  });
  afterAll(async () => db.drop());

  it('runs the hook once the transaction commits, after its work', async () => {
    const seen: string[] = [];
    await withTransaction(db.sql, async (tx) => {
      afterCommit(tx, () => seen.push('hook'));
      await tx`select 1`;
      seen.push('work');
    });
    expect(seen).toEqual(['work', 'hook']);
  });

  it('never runs the hook of a rolled-back transaction, so a retried handler counts once', async () => {
    let runs = 0;
    const attempt = (fail: boolean) =>
      withTransaction(db.sql, async (tx) => {
        afterCommit(tx, () => (runs += 1));
        if (fail) throw new Error('handler failed');
      });
    await expect(attempt(true)).rejects.toThrow('handler failed');
    await attempt(false);
    expect(runs).toBe(1);
  });

  it('keeps a committed transaction a success when a hook throws, and runs at once outside one', async () => {
    await expect(
      withTransaction(db.sql, async (tx) => {
        afterCommit(tx, () => {
          throw new Error('counter broke');
        });
        return 'committed';
      }),
    ).resolves.toBe('committed');
    let ran = false;
    afterCommit(db.sql, () => (ran = true));
    expect(ran).toBe(true);
  });
});
