/** The caller's own sessions: list them, end one, or sign out everywhere. */
import { withTransaction } from '@sauda/kit';
import { audit } from '../audit/audit.ts';
import type { ClientInfo, UsersContext } from '../context.ts';
import {
  listLiveSessions,
  revokeAccountSessions,
  revokeOwnSession,
  type LiveSession,
} from '../data/sessions.ts';
import { NotFound } from '@sauda/kit';

/** The caller's live sessions, most recently used first. */
export function listSessions(ctx: UsersContext, accountId: string): Promise<LiveSession[]> {
  return listLiveSessions(ctx.db, accountId, ctx.clock());
}

/** Ends one of the caller's sessions (its refresh tokens stop working at once). */
export async function endSession(
  ctx: UsersContext,
  accountId: string,
  sessionId: string,
  client: ClientInfo,
): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    if (!(await revokeOwnSession(tx, accountId, sessionId, now))) throw new NotFound('No such session');
    await audit(tx, now, 'session_revoked', { accountId, ip: client.ip }, { sessionId });
  });
}

/** Ends every session of the caller, this one included. */
export async function signOutEverywhere(
  ctx: UsersContext,
  accountId: string,
  client: ClientInfo,
): Promise<number> {
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    const ended = await revokeAccountSessions(tx, accountId, 'revoked', now);
    await audit(tx, now, 'signed_out_everywhere', { accountId, ip: client.ip }, { sessions: ended });
    return ended;
  });
}
