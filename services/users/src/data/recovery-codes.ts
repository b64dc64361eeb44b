/** SQL repository of two-factor recovery codes (hashes only). */
import type { Queryable } from '@sauda/kit';

/** Replaces the account's codes with new ones. */
export async function replaceRecoveryCodes(
  sql: Queryable,
  accountId: string,
  hashes: string[],
): Promise<void> {
  await sql`delete from recovery_codes where account_id = ${accountId}`;
  for (const hash of hashes) {
    await sql`insert into recovery_codes (account_id, code_hash) values (${accountId}, ${hash})`;
  }
}

/** Uses a code once; false when unknown or already used. */
export async function useRecoveryCode(
  sql: Queryable,
  accountId: string,
  hash: string,
  now: Date,
): Promise<boolean> {
  const rows = await sql`
    update recovery_codes set used_at = ${now}
    where account_id = ${accountId} and code_hash = ${hash} and used_at is null`;
  return rows.count === 1;
}

/** How many unused codes remain. */
export async function countRecoveryCodes(sql: Queryable, accountId: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from recovery_codes where account_id = ${accountId} and used_at is null`;
  return row?.n ?? 0;
}
