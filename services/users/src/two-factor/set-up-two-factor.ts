/** Two-factor setup: a secret to scan, confirmed by its first code, then recovery codes; and turning it off. */
import { withTransaction } from '@sauda/kit';
import { verifyPassword } from '../accounts/passwords.ts';
import { audit } from '../audit/audit.ts';
import type { UsersContext } from '../context.ts';
import { disableTotp, enableTotp, findAccountById, setPendingTotp } from '../data/accounts.ts';
import { replaceRecoveryCodes } from '../data/recovery-codes.ts';
import { AccountNotFound, InvalidTwoFactorCode, TwoFactorState, WrongPassword } from '../errors.ts';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.ts';
import { matchTotp, newTotpSecret, otpauthUrl } from './totp.ts';

/** Starts setup: a new pending secret (replacing an unconfirmed one) and its otpauth URL. */
export async function beginTwoFactorSetup(
  ctx: UsersContext,
  accountId: string,
): Promise<{ secret: string; otpauthUrl: string }> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw new AccountNotFound();
  if (account.totpSecret) throw new TwoFactorState('Two-factor sign-in is already on');
  const secret = newTotpSecret();
  await setPendingTotp(ctx.db, accountId, secret);
  return { secret, otpauthUrl: otpauthUrl(secret, account.email) };
}

/** Confirms setup with a code from the app; answers the recovery codes, shown this once. */
export async function enableTwoFactor(
  ctx: UsersContext,
  accountId: string,
  code: string,
  ip: string | null,
): Promise<{ recoveryCodes: string[] }> {
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    const account = await findAccountById(tx, accountId);
    if (!account) throw new AccountNotFound();
    if (account.totpSecret || !account.totpPendingSecret) throw new TwoFactorState('Start the setup first');
    const step = matchTotp(account.totpPendingSecret, code, now);
    if (step === undefined) throw new InvalidTwoFactorCode();
    if (!(await enableTotp(tx, accountId, now, step))) throw new TwoFactorState('Start the setup first');
    const recoveryCodes = newRecoveryCodes();
    await replaceRecoveryCodes(tx, accountId, recoveryCodes.map(hashRecoveryCode));
    await audit(tx, now, 'two_factor_enabled', { accountId, ip });
    return { recoveryCodes };
  });
}

/** Turns two-factor off; the password confirms it is the owner and not a stolen session. */
export async function disableTwoFactor(
  ctx: UsersContext,
  accountId: string,
  password: string,
  ip: string | null,
): Promise<void> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw new AccountNotFound();
  if (!account.totpSecret) throw new TwoFactorState('Two-factor sign-in is off');
  if (!(await verifyPassword(account.passwordHash, password))) throw new WrongPassword();
  await withTransaction(ctx.db, async (tx) => {
    await disableTotp(tx, accountId);
    await replaceRecoveryCodes(tx, accountId, []);
    await audit(tx, ctx.clock(), 'two_factor_disabled', { accountId, ip });
  });
}
