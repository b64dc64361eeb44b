/** The signed-in caller's own account. */
import type { UsersContext } from '../context.ts';
import { findAccountById, type Account } from '../data/accounts.ts';
import { AccountBlocked, AccountNotFound } from '../errors.ts';

/** The account of `accountId`, refusing a blocked one even while its access token is still valid. */
export async function getAccount(ctx: UsersContext, accountId: string): Promise<Account> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account) throw new AccountNotFound();
  if (account.status === 'blocked') throw new AccountBlocked();
  return account;
}
