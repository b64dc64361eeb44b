/** SQL repository of sessions (sign-ins) and their refresh tokens. */
import type { Queryable } from '@sauda/kit';
import type { AccountStatus } from './accounts.ts';

export type RevokeReason = 'logout' | 'reuse' | 'blocked' | 'revoked' | 'password_changed';

export interface NewSession {
  id: string;
  accountId: string;
  createdAt: Date;
  userAgent: string | null;
  ip: string | null;
}

export interface NewRefreshToken {
  id: string;
  sessionId: string;
  tokenHash: string;
  parentId: string | null;
  createdAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}

/** A refresh token as found by its hash, with the state of its session and account. */
export interface StoredRefreshToken {
  id: string;
  sessionId: string;
  accountId: string;
  accountStatus: AccountStatus;
  replacedBy: string | null;
  revokedAt: Date | null;
  expiresAt: Date;
  sessionRevokedAt: Date | null;
}

export async function insertSession(sql: Queryable, session: NewSession): Promise<void> {
  await sql`
    insert into sessions (id, account_id, created_at, user_agent, ip)
    values (${session.id}, ${session.accountId}, ${session.createdAt}, ${session.userAgent}, ${session.ip})`;
}

export async function insertRefreshToken(sql: Queryable, token: NewRefreshToken): Promise<void> {
  await sql`
    insert into refresh_tokens (id, session_id, token_hash, parent_id, created_at, expires_at, user_agent, ip)
    values (${token.id}, ${token.sessionId}, ${token.tokenHash}, ${token.parentId}, ${token.createdAt},
            ${token.expiresAt}, ${token.userAgent}, ${token.ip})`;
}

/**
 * Marks a live token of an active account as replaced by `successorId`, in one guarded statement: of
 * two concurrent refreshes with the same token exactly one wins. Undefined when the token is not live.
 */
export async function claimRefreshToken(
  sql: Queryable,
  tokenHash: string,
  successorId: string,
  now: Date,
): Promise<{ id: string; sessionId: string; accountId: string } | undefined> {
  const [row] = await sql<{ id: string; sessionId: string; accountId: string }[]>`
    update refresh_tokens t set replaced_by = ${successorId}
    from sessions s, accounts a
    where t.token_hash = ${tokenHash} and s.id = t.session_id and a.id = s.account_id
      and t.replaced_by is null and t.revoked_at is null and t.expires_at > ${now}
      and s.revoked_at is null and a.status = 'active'
    returning t.id, t.session_id as "sessionId", s.account_id as "accountId"`;
  return row;
}

/** The token with this hash, live or not. */
export async function findRefreshToken(
  sql: Queryable,
  tokenHash: string,
): Promise<StoredRefreshToken | undefined> {
  const [row] = await sql<StoredRefreshToken[]>`
    select t.id, t.session_id as "sessionId", s.account_id as "accountId", a.status as "accountStatus",
           t.replaced_by as "replacedBy", t.revoked_at as "revokedAt", t.expires_at as "expiresAt",
           s.revoked_at as "sessionRevokedAt"
    from refresh_tokens t join sessions s on s.id = t.session_id join accounts a on a.id = s.account_id
    where t.token_hash = ${tokenHash}`;
  return row;
}

/** Ends a session and every refresh token of its family. Revoking twice keeps the first reason. */
export async function revokeSession(
  sql: Queryable,
  sessionId: string,
  reason: RevokeReason,
  now: Date,
): Promise<void> {
  await sql`
    update sessions set revoked_at = ${now}, revoked_reason = ${reason}
    where id = ${sessionId} and revoked_at is null`;
  await sql`
    update refresh_tokens set revoked_at = ${now}
    where session_id = ${sessionId} and revoked_at is null`;
}

/** A live session as its owner sees it. */
export interface LiveSession {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  userAgent: string | null;
  ip: string | null;
}

/** The account's sessions that have not ended (and whose latest token has not expired). */
export async function listLiveSessions(sql: Queryable, accountId: string, now: Date): Promise<LiveSession[]> {
  return sql<LiveSession[]>`
    select s.id, s.created_at as "createdAt", max(t.created_at) as "lastUsedAt",
           (array_agg(t.user_agent order by t.created_at desc))[1] as "userAgent",
           (array_agg(host(t.ip) order by t.created_at desc))[1] as ip
    from sessions s join refresh_tokens t on t.session_id = s.id
    where s.account_id = ${accountId} and s.revoked_at is null
    group by s.id
    having max(t.expires_at) > ${now}
    order by max(t.created_at) desc`;
}

/** Ends one of the account's sessions; false when it is not the account's or already ended. */
export async function revokeOwnSession(
  sql: Queryable,
  accountId: string,
  sessionId: string,
  now: Date,
): Promise<boolean> {
  const [row] = await sql`
    select id from sessions where id = ${sessionId} and account_id = ${accountId} and revoked_at is null`;
  if (!row) return false;
  await revokeSession(sql, sessionId, 'revoked', now);
  return true;
}

/** Ends every session of the account except `keep` (null: all of them). */
export async function revokeAccountSessions(
  sql: Queryable,
  accountId: string,
  reason: RevokeReason,
  now: Date,
  keep: string | null = null,
): Promise<number> {
  const ended = await sql<{ id: string }[]>`
    update sessions set revoked_at = ${now}, revoked_reason = ${reason}
    where account_id = ${accountId} and revoked_at is null and (${keep}::uuid is null or id <> ${keep}::uuid)
    returning id`;
  if (ended.length > 0) {
    await sql`
      update refresh_tokens set revoked_at = ${now}
      where session_id = any(${ended.map((s) => s.id)}::uuid[]) and revoked_at is null`;
  }
  return ended.length;
}

/** Sessions revoked after `since` (a partial index on `revoked_at` keeps this cheap), oldest first. */
export async function listRevokedSince(
  sql: Queryable,
  since: Date,
): Promise<{ id: string; revokedAt: Date }[]> {
  return sql<{ id: string; revokedAt: Date }[]>`
    select id, revoked_at as "revokedAt" from sessions
    where revoked_at > ${since}
    order by revoked_at`;
}
