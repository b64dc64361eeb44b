/** A fresh, empty database per test file on the real PostgreSQL (or the embedded one). */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import './provided.ts';
import { createDb, type Db } from '../db/db.ts';

export interface TestDatabase {
  /** Connection URL of the new database. */
  url: string;
  /** A pool connected to it. */
  sql: Db;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** Creates `t_<random>` on the test server; call `drop()` in afterAll. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(5).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const sql = createDb(url, { max: 5 });
  return {
    url,
    sql,
    drop: async () => {
      await sql.end({ timeout: 5 });
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => undefined });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
