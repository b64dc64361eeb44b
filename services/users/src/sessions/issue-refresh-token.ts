/** Stores a new refresh token of a session (its first, or the successor of a rotated one). */
import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '@sauda/kit';
import type { ClientInfo, UsersContext } from '../context.ts';
import { insertRefreshToken } from '../data/sessions.ts';
import { newRefreshToken } from './refresh-tokens.ts';

/** Returns the token itself: the only moment it exists outside the client. */
export async function issueRefreshToken(
  ctx: UsersContext,
  tx: Tx,
  at: { sessionId: string; parentId: string | null; client: ClientInfo; now: Date; id?: string },
): Promise<string> {
  const { token, tokenHash } = newRefreshToken();
  await insertRefreshToken(tx, {
    id: at.id ?? uuidv7(),
    sessionId: at.sessionId,
    tokenHash,
    parentId: at.parentId,
    createdAt: at.now,
    expiresAt: new Date(at.now.getTime() + ctx.refreshTokenTtlMs),
    ...at.client,
  });
  return token;
}
