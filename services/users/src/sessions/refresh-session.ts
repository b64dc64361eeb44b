/**
 * Refresh-token rotation with reuse detection: each token works once. A token that comes back after
 * it was rotated means two parties hold the session, so the whole family is revoked.
 */
import { v7 as uuidv7 } from 'uuid';
import { withTransaction } from '@sauda/kit';
import type { ClientInfo, UsersContext } from '../context.ts';
import { findAccountById } from '../data/accounts.ts';
import { claimRefreshToken, findRefreshToken, revokeSession } from '../data/sessions.ts';
import { AccountBlocked, InvalidRefreshToken, RefreshTokenReused } from '../errors.ts';
import { issueAccessToken, subjectOf } from '../tokens/issue-access-token.ts';
import { issueRefreshToken } from './issue-refresh-token.ts';
import { hashRefreshToken } from './refresh-tokens.ts';
import type { SignedIn } from './start-session.ts';

type Outcome = { ok: SignedIn } | { refused: 'invalid' | 'reused' | 'blocked' };

/** Trades a live refresh token for a new pair; the old token is marked replaced by the new one. */
export async function refreshSession(
  ctx: UsersContext,
  refreshToken: string,
  client: ClientInfo,
): Promise<SignedIn> {
  const tokenHash = hashRefreshToken(refreshToken);
  const now = ctx.clock();
  // Revocations must commit, so refusals are returned from the transaction and thrown after it.
  const outcome = await withTransaction(ctx.db, async (tx): Promise<Outcome> => {
    const successorId = uuidv7();
    const claimed = await claimRefreshToken(tx, tokenHash, successorId, now);
    if (!claimed) {
      const known = await findRefreshToken(tx, tokenHash);
      if (!known) return { refused: 'invalid' };
      if (known.replacedBy) {
        await revokeSession(tx, known.sessionId, 'reuse', now);
        return { refused: 'reused' };
      }
      const live = !known.revokedAt && !known.sessionRevokedAt && known.expiresAt > now;
      if (!live || known.accountStatus === 'active') return { refused: 'invalid' };
      await revokeSession(tx, known.sessionId, 'blocked', now);
      return { refused: 'blocked' };
    }
    const account = await findAccountById(tx, claimed.accountId);
    // Unreachable (the session's foreign key keeps its account); throwing rolls the claim back.
    if (!account) throw new InvalidRefreshToken();
    const nextRefreshToken = await issueRefreshToken(ctx, tx, {
      id: successorId,
      sessionId: claimed.sessionId,
      parentId: claimed.id,
      client,
      now,
    });
    const accessToken = await issueAccessToken(ctx.accessTokens, subjectOf(account, claimed.sessionId), now);
    return { ok: { account, accessToken, refreshToken: nextRefreshToken } };
  });
  if ('ok' in outcome) return outcome.ok;
  if (outcome.refused === 'reused') throw new RefreshTokenReused();
  if (outcome.refused === 'blocked') throw new AccountBlocked();
  throw new InvalidRefreshToken();
}
