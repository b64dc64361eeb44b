/** Sign-in with email and password. Unknown address and wrong password fail alike, in the same time. */
import { withTransaction } from '@sauda/kit';
import type { ClientInfo, UsersContext } from '../context.ts';
import { findAccountByEmail } from '../data/accounts.ts';
import { AccountBlocked, InvalidCredentials } from '../errors.ts';
import { startSession, type SignedIn } from '../sessions/start-session.ts';
import { beginLoginAttempt } from '../throttling/begin-login-attempt.ts';
import { normalizeEmail } from './email.ts';
import { verifyNothing, verifyPassword } from './passwords.ts';

export interface Credentials {
  email: string;
  password: string;
}

/** Checks throttling, then the password; opens a session for an active account. */
export async function logIn(
  ctx: UsersContext,
  credentials: Credentials,
  client: ClientInfo,
): Promise<SignedIn> {
  const email = normalizeEmail(credentials.email);
  const attempt = await beginLoginAttempt(ctx, email, client.ip);
  const account = await findAccountByEmail(ctx.db, email);
  const passwordMatches = account
    ? await verifyPassword(account.passwordHash, credentials.password)
    : await verifyNothing(credentials.password);
  // Without a match the attempt stays recorded: that is the failure the throttle counts.
  if (!account || !passwordMatches) throw new InvalidCredentials();
  await attempt.succeeded();
  // Said only to whoever knows the password, so it reveals nothing about which addresses exist.
  if (account.status === 'blocked') throw new AccountBlocked();
  return withTransaction(ctx.db, (tx) => startSession(ctx, tx, account, client));
}
