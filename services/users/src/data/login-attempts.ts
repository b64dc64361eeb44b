/** SQL repository of sign-in attempts, counted per account address and per client IP. */
import type { Queryable, Tx } from '@sauda/kit';

export type AttemptScope = 'account' | 'ip';

export interface AttemptKey {
  scope: AttemptScope;
  key: string;
}

/**
 * Serialises attempts on the same keys until the transaction ends, so concurrent guesses cannot all
 * pass the count before any of them is recorded. Callers lock keys in one order (account, then IP).
 */
export async function lockAttemptKeys(tx: Tx, keys: readonly AttemptKey[]): Promise<void> {
  for (const { scope, key } of keys) {
    await tx`select pg_advisory_xact_lock(hashtextextended(${`login:${scope}:${key}`}, 0))`;
  }
}

/** When the `n`-th most recent attempt since `since` happened; undefined when there are fewer. */
export async function nthRecentAttemptAt(
  sql: Queryable,
  { scope, key }: AttemptKey,
  n: number,
  since: Date,
): Promise<Date | undefined> {
  const [row] = await sql<{ attemptedAt: Date }[]>`
    select attempted_at as "attemptedAt" from login_attempts
    where scope = ${scope} and key = ${key} and attempted_at > ${since}
    order by attempted_at desc
    offset ${n - 1} limit 1`;
  return row?.attemptedAt;
}

/** Records an attempt; it counts as a failure until deleted. */
export async function insertAttempt(sql: Queryable, { scope, key }: AttemptKey, at: Date): Promise<string> {
  const [row] = await sql<{ id: string }[]>`
    insert into login_attempts (scope, key, attempted_at) values (${scope}, ${key}, ${at}) returning id`;
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Forgets the given attempts (they did not fail). */
export async function deleteAttempts(sql: Queryable, ids: readonly string[]): Promise<void> {
  await sql`delete from login_attempts where id = any(${ids as string[]}::bigint[])`;
}

/** Forgets every attempt on a key (a successful sign-in resets the account's count). */
export async function clearAttempts(sql: Queryable, { scope, key }: AttemptKey): Promise<void> {
  await sql`delete from login_attempts where scope = ${scope} and key = ${key}`;
}

/** Deletes a bounded batch of attempts older than `before`, skipping rows others hold. */
export async function pruneAttempts(sql: Queryable, before: Date): Promise<void> {
  await sql`
    delete from login_attempts where id in (
      select id from login_attempts where attempted_at < ${before}
      order by attempted_at limit 100 for update skip locked)`;
}
