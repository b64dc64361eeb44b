/** Email verification: the link's token proves the address; and sending a new link. */
import { withTransaction } from '@sauda/kit';
import { verificationLink } from '../accounts/register-account.ts';
import { audit } from '../audit/audit.ts';
import type { ClientInfo, UsersContext } from '../context.ts';
import { findAccountById, markEmailVerified } from '../data/accounts.ts';
import { consumeOneTimeToken, countRecentTokens, expireTokens } from '../data/one-time-tokens.ts';
import { AccountNotFound, EmailAlreadyVerified, InvalidLinkToken, TooManyRequests } from '../errors.ts';
import { requestMail } from '../mail/request-mail.ts';
import { hashOneTimeToken, issueOneTimeToken } from '../tokens/one-time-tokens.ts';

/** Uses the token once and marks the address verified. */
export async function verifyEmail(ctx: UsersContext, token: string, client: ClientInfo): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    const used = await consumeOneTimeToken(tx, 'email_verification', hashOneTimeToken(token), now);
    if (!used) throw new InvalidLinkToken();
    await markEmailVerified(tx, used.accountId, now);
    await audit(tx, now, 'email_verified', { accountId: used.accountId, ip: client.ip });
  });
}

/** Mails a fresh verification link (older ones stop working); a few per hour at most. */
export async function resendVerification(ctx: UsersContext, accountId: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    const account = await findAccountById(tx, accountId);
    if (!account) throw new AccountNotFound();
    if (account.emailVerifiedAt) throw new EmailAlreadyVerified();
    await tx`select pg_advisory_xact_lock(hashtextextended(${`verify:${account.id}`}, 0))`;
    const recent = await countRecentTokens(
      tx,
      account.id,
      'email_verification',
      new Date(now.getTime() - 3_600_000),
    );
    if (recent >= 5) throw new TooManyRequests();
    await expireTokens(tx, account.id, 'email_verification', now);
    const token = await issueOneTimeToken(
      tx,
      account.id,
      'email_verification',
      now,
      ctx.ttl.emailVerificationMs,
    );
    await requestMail(tx, account, 'email_verification', { link: verificationLink(ctx, token) });
  });
}
