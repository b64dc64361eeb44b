/** The caller changes their password: the current one confirms it; other sessions end. */
import { withTransaction } from '@sauda/kit';
import { getAccount } from '../accounts/get-account.ts';
import { describeWeakness, passwordWeakness } from '../accounts/password-policy.ts';
import { hashPassword, verifyPassword } from '../accounts/passwords.ts';
import { audit } from '../audit/audit.ts';
import type { ClientInfo, UsersContext } from '../context.ts';
import { setPasswordHash } from '../data/accounts.ts';
import { revokeAccountSessions } from '../data/sessions.ts';
import { WeakPassword, WrongPassword } from '../errors.ts';
import { requestMail } from '../mail/request-mail.ts';

/** Checks the current password and the rules, stores the new hash, keeps only this session. */
export async function changePassword(
  ctx: UsersContext,
  caller: { accountId: string; sessionId: string | null },
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<void> {
  const account = await getAccount(ctx, caller.accountId);
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) throw new WrongPassword();
  const weakness = passwordWeakness(input.newPassword, account.email);
  if (weakness) throw new WeakPassword(describeWeakness(weakness), { reason: weakness });
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    await setPasswordHash(tx, account.id, passwordHash);
    await revokeAccountSessions(tx, account.id, 'password_changed', now, caller.sessionId);
    await requestMail(tx, account, 'password_changed');
    await audit(tx, now, 'password_changed', { accountId: account.id, ip: client.ip });
  });
}
