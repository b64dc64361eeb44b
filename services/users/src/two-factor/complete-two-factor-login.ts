/** The second sign-in step: the challenge from the password step plus a TOTP or recovery code. */
import { withTransaction } from '@sauda/kit';
import { audit } from '../audit/audit.ts';
import type { ClientInfo, UsersContext } from '../context.ts';
import { findAccountById, useTotpStep } from '../data/accounts.ts';
import { failOneTimeToken, findLiveToken, useOneTimeToken } from '../data/one-time-tokens.ts';
import { useRecoveryCode } from '../data/recovery-codes.ts';
import { AccountBlocked, InvalidChallenge, InvalidTwoFactorCode } from '../errors.ts';
import { startSession, type SignedIn } from '../sessions/start-session.ts';
import { hashOneTimeToken } from '../tokens/one-time-tokens.ts';
import { hashRecoveryCode } from './recovery-codes.ts';
import { matchTotp } from './totp.ts';

/** Wrong codes a challenge survives; then the password step must be done again. */
export const MAX_CODE_FAILURES = 5;

type Outcome = { ok: SignedIn } | { refused: 'challenge' | 'code' | 'blocked' };

/** Opens the session when the code is right; wrong codes are counted against the challenge. */
export async function completeTwoFactorLogin(
  ctx: UsersContext,
  input: { challengeToken: string; code?: string | undefined; recoveryCode?: string | undefined },
  client: ClientInfo,
): Promise<SignedIn> {
  const now = ctx.clock();
  // Refusals are returned and thrown after commit: the failure count must be kept.
  const outcome = await withTransaction(ctx.db, async (tx): Promise<Outcome> => {
    const challenge = await findLiveToken(tx, 'login_challenge', hashOneTimeToken(input.challengeToken), now);
    if (!challenge) return { refused: 'challenge' };
    const account = await findAccountById(tx, challenge.accountId);
    if (!account?.totpSecret) return { refused: 'challenge' };
    if (account.status === 'blocked') return { refused: 'blocked' };
    let accepted = false;
    if (input.code) {
      const step = matchTotp(account.totpSecret, input.code, now);
      accepted = step !== undefined && (await useTotpStep(tx, account.id, step));
    } else if (input.recoveryCode) {
      accepted = await useRecoveryCode(tx, account.id, hashRecoveryCode(input.recoveryCode), now);
      if (accepted) await audit(tx, now, 'recovery_code_used', { accountId: account.id, ip: client.ip });
    }
    if (!accepted) {
      await failOneTimeToken(tx, challenge.id, MAX_CODE_FAILURES, now);
      await audit(tx, now, 'login_two_factor_failed', { accountId: account.id, ip: client.ip });
      return { refused: 'code' };
    }
    await useOneTimeToken(tx, challenge.id, now);
    await audit(tx, now, 'login_succeeded', { accountId: account.id, ip: client.ip }, { twoFactor: true });
    return { ok: await startSession(ctx, tx, account, client) };
  });
  if ('ok' in outcome) return outcome.ok;
  if (outcome.refused === 'blocked') throw new AccountBlocked();
  if (outcome.refused === 'code') throw new InvalidTwoFactorCode();
  throw new InvalidChallenge();
}
