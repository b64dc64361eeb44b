/** The caller edits their own profile: name, phone, language, currency. */
import { getAccount } from '../accounts/get-account.ts';
import type { UsersContext } from '../context.ts';
import { updateProfile as updateProfileRow, type Account, type ProfilePatch } from '../data/accounts.ts';

/** Applies the given fields to the caller's active account. */
export async function updateProfile(
  ctx: UsersContext,
  accountId: string,
  patch: ProfilePatch,
): Promise<Account> {
  await getAccount(ctx, accountId);
  return updateProfileRow(ctx.db, accountId, {
    ...patch,
    ...(patch.name ? { name: patch.name.trim() } : {}),
  });
}
