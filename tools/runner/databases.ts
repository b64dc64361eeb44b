import postgres from 'postgres';
import { StartupError } from './errors.ts';

// Names are interpolated into CREATE/DROP DATABASE, so only plain identifiers are accepted.
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const MAX_IDENTIFIER_BYTES = 63;

/** `sauda` + `shop` → `sauda_shop` (service folder hyphens become underscores). */
export function databaseName(prefix: string, name: string): string {
  const database = `${prefix}_${name.replaceAll('-', '_')}`;
  if (!IDENTIFIER.test(database) || database.length > MAX_IDENTIFIER_BYTES) {
    throw new StartupError(
      `"${database}" is not a usable database name (lower-case letters, digits, _; ≤ 63)`,
    );
  }
  return database;
}

/** The admin URL pointed at another database on the same server, keeping credentials and options. */
export function withDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A URL safe to print: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid URL>';
  }
}

/** Creates the databases that do not exist yet (all of them afresh when `recreate`); returns those created. */
export async function ensureDatabases(
  adminUrl: string,
  names: readonly string[],
  recreate: boolean,
): Promise<string[]> {
  return withAdmin(adminUrl, async (sql) => {
    if (recreate) await dropAll(sql, names);
    const rows = await sql<
      { datname: string }[]
    >`select datname from pg_database where datname = any(${names})`;
    const existing = new Set(rows.map((row) => row.datname));
    const missing = names.filter((name) => !existing.has(name));
    for (const name of missing) {
      await sql.unsafe(`create database "${name}"`).catch((error: unknown) => {
        // Another process created it between our check and now: the database exists, which is the goal.
        if ((error as { code?: string }).code !== '42P04') throw error;
      });
    }
    return missing;
  });
}

/** Drops the databases, disconnecting anyone still using them. */
export async function dropDatabases(adminUrl: string, names: readonly string[]): Promise<void> {
  await withAdmin(adminUrl, (sql) => dropAll(sql, names));
}

async function dropAll(sql: postgres.Sql, names: readonly string[]): Promise<void> {
  for (const name of names) await sql.unsafe(`drop database if exists "${name}" with (force)`);
}

async function withAdmin<T>(adminUrl: string, work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 10, onnotice: () => undefined });
  try {
    await sql`select 1`.catch((error: unknown) => {
      throw new StartupError(
        `cannot reach PostgreSQL at ${redactUrl(adminUrl)}: ${(error as Error).message}`,
      );
    });
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
