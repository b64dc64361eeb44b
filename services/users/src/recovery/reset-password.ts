/** Sets a new password with a reset link's token: single use, expiring; every session ends. */
import { withTransaction } from '@sauda/kit';
import { describeWeakness, passwordWeakness } from '../accounts/password-policy.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { audit } from '../audit/audit.ts';
import type { ClientInfo, UsersContext } from '../context.ts';
import { findAccountById, markEmailVerified, setPasswordHash } from '../data/accounts.ts';
import { consumeOneTimeToken, expireTokens } from '../data/one-time-tokens.ts';
import { revokeAccountSessions } from '../data/sessions.ts';
import { InvalidLinkToken, WeakPassword } from '../errors.ts';
import { requestMail } from '../mail/request-mail.ts';
import { hashOneTimeToken } from '../tokens/one-time-tokens.ts';

/** Uses the token (once), stores the new password's hash, ends all sessions and tells the owner. */
export async function resetPassword(
  ctx: UsersContext,
  input: { token: string; password: string },
  client: ClientInfo,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    const used = await consumeOneTimeToken(tx, 'password_reset', hashOneTimeToken(input.token), now);
    if (!used) throw new InvalidLinkToken();
    const account = await findAccountById(tx, used.accountId);
    if (!account || account.status !== 'active') throw new InvalidLinkToken();
    // Checked after the token so a weak password does not use it up (the transaction rolls back).
    const weakness = passwordWeakness(input.password, account.email);
    if (weakness) throw new WeakPassword(describeWeakness(weakness), { reason: weakness });
    await setPasswordHash(tx, account.id, passwordHash);
    // The link reached this mailbox, which proves the address as well as a verification link would.
    await markEmailVerified(tx, account.id, now);
    await expireTokens(tx, account.id, 'password_reset', now);
    await revokeAccountSessions(tx, account.id, 'password_changed', now);
    await requestMail(tx, account, 'password_changed');
    await audit(tx, now, 'password_reset', { accountId: account.id, ip: client.ip });
  });
}
