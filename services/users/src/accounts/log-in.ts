/** Sign-in with email and password. Unknown address and wrong password fail alike, in the same time. */
import { withTransaction } from '@sauda/kit';
import { audit } from '../audit/audit.ts';
import type { ClientInfo, UsersContext } from '../context.ts';
import { findAccountByEmail } from '../data/accounts.ts';
import { AccountBlocked, InvalidCredentials } from '../errors.ts';
import { startSession, type SignedIn } from '../sessions/start-session.ts';
import { beginLoginAttempt } from '../throttling/begin-login-attempt.ts';
import { issueOneTimeToken } from '../tokens/one-time-tokens.ts';
import { normalizeEmail } from './email.ts';
import { verifyNothing, verifyPassword } from './passwords.ts';

export interface Credentials {
  email: string;
  password: string;
}

/** A password sign-in of an account with two-factor on: the code is asked next, with this challenge. */
export interface TwoFactorNeeded {
  challengeToken: string;
}

/** Checks throttling, then the password; opens a session, or asks for the second factor. */
export async function logIn(
  ctx: UsersContext,
  credentials: Credentials,
  client: ClientInfo,
): Promise<SignedIn | TwoFactorNeeded> {
  const email = normalizeEmail(credentials.email);
  const attempt = await beginLoginAttempt(ctx, email, client.ip);
  const account = await findAccountByEmail(ctx.db, email);
  const passwordMatches = account
    ? await verifyPassword(account.passwordHash, credentials.password)
    : await verifyNothing(credentials.password);
  // Without a match the attempt stays recorded: that is the failure the throttle counts.
  if (!account || !passwordMatches) {
    if (account) await audit(ctx.db, ctx.clock(), 'login_failed', { accountId: account.id, ip: client.ip });
    throw new InvalidCredentials();
  }
  await attempt.succeeded();
  // Said only to whoever knows the password, so it reveals nothing about which addresses exist.
  if (account.status === 'blocked') throw new AccountBlocked();
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    if (account.totpSecret) {
      const challengeToken = await issueOneTimeToken(
        tx,
        account.id,
        'login_challenge',
        now,
        ctx.ttl.loginChallengeMs,
      );
      return { challengeToken };
    }
    await audit(tx, now, 'login_succeeded', { accountId: account.id, ip: client.ip });
    return startSession(ctx, tx, account, client);
  });
}
