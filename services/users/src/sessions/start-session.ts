/** Opens a session (a new refresh-token family) for an account that just proved who it is. */
import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '@sauda/kit';
import type { ClientInfo, UsersContext } from '../context.ts';
import type { Account } from '../data/accounts.ts';
import { insertSession } from '../data/sessions.ts';
import { issueAccessToken, subjectOf } from '../tokens/issue-access-token.ts';
import { issueRefreshToken } from './issue-refresh-token.ts';

/** What a successful register, login or refresh answers. */
export interface SignedIn {
  account: Account;
  accessToken: string;
  refreshToken: string;
}

/** Creates the session, its first refresh token and an access token, inside the caller's transaction. */
export async function startSession(
  ctx: UsersContext,
  tx: Tx,
  account: Account,
  client: ClientInfo,
): Promise<SignedIn> {
  const now = ctx.clock();
  const sessionId = uuidv7();
  await insertSession(tx, { id: sessionId, accountId: account.id, createdAt: now, ...client });
  const refreshToken = await issueRefreshToken(ctx, tx, { sessionId, parentId: null, client, now });
  const accessToken = await issueAccessToken(ctx.accessTokens, subjectOf(account, sessionId), now);
  return { account, accessToken, refreshToken };
}
