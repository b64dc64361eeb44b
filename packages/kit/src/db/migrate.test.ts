import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/database.ts';
import { createDb } from './db.ts';
import { MigrationChecksumMismatch, migrate } from './migrate.ts';

describe('migrate', () => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await createTestDatabase('migrate');
    dir = await mkdtemp(join(tmpdir(), 'sauda-migrations-'));
    await writeFile(join(dir, '0001_items.sql'), 'create table items (id int primary key);');
    await writeFile(
      join(dir, '0002_counter.sql'),
      'create table counter (n int); insert into counter values (0);',
    );
  });
  afterAll(async () => db.drop());

  it('applies every migration exactly once when two replicas start at the same moment', async () => {
    const other = createDb(db.url, { max: 2 });
    const [a, b] = await Promise.all([migrate(db.sql, dir), migrate(other, dir)]);
    await other.end();
    expect([...a.applied, ...b.applied].sort()).toEqual(['0001_items.sql', '0002_counter.sql']);
    const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from counter`;
    expect(row?.n).toBe(1);
  });

  it('applies nothing on a second start', async () => {
    expect((await migrate(db.sql, dir)).applied).toEqual([]);
  });

  it('refuses to start when an applied migration was edited', async () => {
    await writeFile(join(dir, '0001_items.sql'), 'create table items (id bigint primary key);');
    await expect(migrate(db.sql, dir)).rejects.toBeInstanceOf(MigrationChecksumMismatch);
  });
});
