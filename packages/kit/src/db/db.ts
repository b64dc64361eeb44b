/** PostgreSQL access: the `postgres` driver, SQL-first, parameterised by tagged templates. */
import postgres from 'postgres';

/** A connection pool. Queries are tagged templates: sql`select * from t where id = ${id}`. */
export type Db = postgres.Sql;
/** A transaction handle: the same query API, bound to one connection inside BEGIN … COMMIT. */
export type Tx = postgres.TransactionSql;
/** Either a pool or a transaction: what repositories accept, so callers choose the scope. */
export type Queryable = Db | Tx;

export interface DbOptions {
  /** Pool size. */
  max?: number;
  /** Application name shown in pg_stat_activity. */
  applicationName?: string;
  /**
   * `false`: commits do not wait for the WAL to reach the disk (PostgreSQL's `synchronous_commit = off`). Only
   * for work that may be lost in a database crash without harm, such as the relay's at-least-once bookkeeping.
   */
  durableCommits?: boolean;
}

/** Opens a pool. Numeric columns come back as numbers only when safe (bigint stays a string). */
export function createDb(url: string, options: DbOptions = {}): Db {
  return postgres(url, {
    max: options.max ?? 10,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => undefined,
    connection: {
      application_name: options.applicationName ?? 'sauda',
      ...(options.durableCommits === false ? { synchronous_commit: 'off' } : {}),
    },
    transform: { undefined: null },
  });
}

// What to do once a transaction of `withTransaction` commits (see `afterCommit`).
const commitHooks = new WeakMap<Tx, Array<() => void>>();

/** Runs `work` in one transaction; commits when it resolves, rolls back when it throws. */
export async function withTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: Array<() => void> = [];
  const result = (await db.begin((tx) => {
    commitHooks.set(tx, hooks);
    return work(tx);
  })) as T;
  for (const hook of hooks) {
    try {
      hook();
    } catch {
      // The work is committed: a failing side effect (a counter) must not make the caller think otherwise.
    }
  }
  return result;
}

/**
 * `view` (a wrapper of `tx`, such as a keyed batch's) is the same transaction: its `afterCommit` hooks run
 * when `tx` commits.
 */
export function sameTransaction(tx: Tx, view: Tx): Tx {
  const hooks = commitHooks.get(tx);
  if (hooks) commitHooks.set(view, hooks);
  return view;
}

/**
 * Runs `hook` after the transaction commits and never if it rolls back (a retried handler counts once):
 * for in-process effects such as business counters. Outside `withTransaction` it runs at once.
 */
export function afterCommit(tx: Queryable, hook: () => void): void {
  const hooks = commitHooks.get(tx as Tx);
  if (hooks) hooks.push(hook);
  else hook();
}

/** True when the database answers. Used by readiness checks. */
export async function pingDb(db: Db): Promise<boolean> {
  try {
    await db`select 1`;
    return true;
  } catch {
    return false;
  }
}
