/** "Forgot password": mails a single-use reset link; answers the same whether the address exists or not. */
import { withTransaction } from '@sauda/kit';
import { normalizeEmail } from '../accounts/email.ts';
import { audit } from '../audit/audit.ts';
import type { ClientInfo, UsersContext } from '../context.ts';
import { findAccountByEmail } from '../data/accounts.ts';
import { countRecentTokens, expireTokens } from '../data/one-time-tokens.ts';
import { requestMail } from '../mail/request-mail.ts';
import { issueOneTimeToken } from '../tokens/one-time-tokens.ts';

/** Links an account may be sent per hour, so nobody floods a victim's inbox. */
export const RESETS_PER_HOUR = 3;

/** Sends a reset link to an active account; silently nothing otherwise (no address enumeration). */
export async function requestPasswordReset(
  ctx: UsersContext,
  rawEmail: string,
  client: ClientInfo,
): Promise<void> {
  const account = await findAccountByEmail(ctx.db, normalizeEmail(rawEmail));
  if (!account || account.status !== 'active') return;
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    await tx`select pg_advisory_xact_lock(hashtextextended(${`reset:${account.id}`}, 0))`;
    const recent = await countRecentTokens(
      tx,
      account.id,
      'password_reset',
      new Date(now.getTime() - 3_600_000),
    );
    // Over the limit the answer stays the same: telling would reveal that the address exists.
    if (recent >= RESETS_PER_HOUR) return;
    await expireTokens(tx, account.id, 'password_reset', now);
    const token = await issueOneTimeToken(tx, account.id, 'password_reset', now, ctx.ttl.passwordResetMs);
    await requestMail(tx, account, 'password_reset', { link: `${ctx.webUrl}/reset-password?token=${token}` });
    await audit(tx, now, 'password_reset_requested', { accountId: account.id, ip: client.ip });
  });
}
