/**
 * Migration runner: applies `NNNN_name.sql` files in order, once each, all pending ones in one transaction.
 * Safe when several replicas start at once: an advisory lock serialises them.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './db.ts';

// Any fixed 64-bit number works; this one spells "sauda" and is shared by every service's database.
const MIGRATION_LOCK_ID = 0x7361756461n;

export interface MigrationResult {
  applied: string[];
}

/** A migration whose file changed after it was applied: refusing to start is the safe answer. */
export class MigrationChecksumMismatch extends Error {
  constructor(readonly file: string) {
    super(`migration ${file} was changed after it was applied; add a new migration instead`);
  }
}

/** Applies the pending migrations of `dir` (plus `extra` ones, e.g. the kit's outbox tables). */
export async function migrate(
  db: Db,
  dir: string | URL,
  extra: MigrationFile[] = [],
): Promise<MigrationResult> {
  const files = [...extra, ...(await readMigrationDir(dir))];
  // One transaction with a transaction-scoped lock: replicas wait, then see what the first applied.
  // (So a migration may not use CREATE INDEX CONCURRENTLY; none needs to at our sizes.)
  return db.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_ID.toString()}::bigint)`;
    await tx`
      create table if not exists schema_migrations (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`;
    const rows = await tx<{ name: string; checksum: string }[]>`select name, checksum from schema_migrations`;
    const done = new Map(rows.map((row) => [row.name, row.checksum]));
    const applied: string[] = [];
    for (const file of files) {
      const checksum = createHash('sha256').update(file.sql).digest('hex');
      const previous = done.get(file.name);
      if (previous !== undefined) {
        if (previous !== checksum) throw new MigrationChecksumMismatch(file.name);
        continue;
      }
      await tx.unsafe(file.sql);
      await tx`insert into schema_migrations (name, checksum) values (${file.name}, ${checksum})`;
      applied.push(file.name);
    }
    return { applied };
  });
}

export interface MigrationFile {
  /** Unique name, ordered: `0001_accounts.sql`, or `kit_0001_outbox.sql` for the kit's own. */
  name: string;
  sql: string;
}

/** Reads `*.sql` files of a folder, sorted by name. A missing folder means no migrations. */
export async function readMigrationDir(dir: string | URL): Promise<MigrationFile[]> {
  const path = typeof dir === 'string' ? dir : dir.pathname;
  let names: string[];
  try {
    names = (await readdir(path)).filter((name) => name.endsWith('.sql')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(join(path, name), 'utf8') })));
}
