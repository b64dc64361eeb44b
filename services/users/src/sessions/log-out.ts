/** Sign-out: ends the session family the refresh token belongs to. */
import { withTransaction } from '@sauda/kit';
import type { UsersContext } from '../context.ts';
import { findRefreshToken, revokeSession } from '../data/sessions.ts';
import { hashRefreshToken } from './refresh-tokens.ts';

/** Revokes the token's whole family. Unknown or already-ended tokens succeed silently: the goal holds. */
export async function logOut(ctx: UsersContext, refreshToken: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const known = await findRefreshToken(tx, hashRefreshToken(refreshToken));
    if (known) await revokeSession(tx, known.sessionId, 'logout', ctx.clock());
  });
}
