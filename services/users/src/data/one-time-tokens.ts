/** SQL repository of single-use tokens (email verification, password reset, the second sign-in step). */
import type { Queryable } from '@sauda/kit';

export type TokenPurpose = 'email_verification' | 'password_reset' | 'login_challenge';

/** Stores a token's hash. */
export async function insertOneTimeToken(
  sql: Queryable,
  token: {
    id: string;
    accountId: string;
    purpose: TokenPurpose;
    tokenHash: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await sql`
    insert into one_time_tokens (id, account_id, purpose, token_hash, created_at, expires_at)
    values (${token.id}, ${token.accountId}, ${token.purpose}, ${token.tokenHash}, ${token.now}, ${token.expiresAt})`;
}

/** Uses a live token of this purpose in one guarded statement: of two concurrent uses one wins. */
export async function consumeOneTimeToken(
  sql: Queryable,
  purpose: TokenPurpose,
  tokenHash: string,
  now: Date,
): Promise<{ accountId: string } | undefined> {
  const [row] = await sql<{ accountId: string }[]>`
    update one_time_tokens set used_at = ${now}
    where token_hash = ${tokenHash} and purpose = ${purpose} and used_at is null and expires_at > ${now}
    returning account_id as "accountId"`;
  return row;
}

/** A live token, without using it (the second sign-in step checks the code before using it). */
export async function findLiveToken(
  sql: Queryable,
  purpose: TokenPurpose,
  tokenHash: string,
  now: Date,
): Promise<{ id: string; accountId: string; failedAttempts: number } | undefined> {
  const [row] = await sql<{ id: string; accountId: string; failedAttempts: number }[]>`
    select id, account_id as "accountId", failed_attempts as "failedAttempts" from one_time_tokens
    where token_hash = ${tokenHash} and purpose = ${purpose} and used_at is null and expires_at > ${now}
    for update`;
  return row;
}

/** Counts a wrong code against a token; at `max` failures the token is used up. */
export async function failOneTimeToken(sql: Queryable, id: string, max: number, now: Date): Promise<void> {
  await sql`
    update one_time_tokens set failed_attempts = failed_attempts + 1,
      used_at = case when failed_attempts + 1 >= ${max} then ${now}::timestamptz else used_at end
    where id = ${id}`;
}

/** Marks a token used. */
export async function useOneTimeToken(sql: Queryable, id: string, now: Date): Promise<void> {
  await sql`update one_time_tokens set used_at = ${now} where id = ${id} and used_at is null`;
}

/** Ends every live token of this purpose for the account (a new reset link voids the older ones). */
export async function expireTokens(
  sql: Queryable,
  accountId: string,
  purpose: TokenPurpose,
  now: Date,
): Promise<void> {
  await sql`
    update one_time_tokens set used_at = ${now}
    where account_id = ${accountId} and purpose = ${purpose} and used_at is null`;
}

/** How many tokens of this purpose the account got since `since` (mail flooding guard). */
export async function countRecentTokens(
  sql: Queryable,
  accountId: string,
  purpose: TokenPurpose,
  since: Date,
): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from one_time_tokens
    where account_id = ${accountId} and purpose = ${purpose} and created_at > ${since}`;
  return row?.n ?? 0;
}
