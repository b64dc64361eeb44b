/** Admin actions on accounts: roles, block and unblock, staff sites. Each is audited and announced. */
import { RoleChanged, StaffAssigned, UserBlocked, UserUnblocked, type Role } from '@sauda/contracts';
import { appendEvent, withTransaction, type Tx } from '@sauda/kit';
import { audit } from '../audit/audit.ts';
import type { UsersContext } from '../context.ts';
import { changeStatus, lockAccount, setRoles, setStaffSites, type Account } from '../data/accounts.ts';
import { revokeAccountSessions } from '../data/sessions.ts';
import { AccountNotFound, SelfLockout, SiteRoleMismatch, StatusUnchanged } from '../errors.ts';

/** Who acts, from where. */
export interface Admin {
  adminId: string;
  ip: string | null;
}

async function locked(tx: Tx, id: string): Promise<Account> {
  const account = await lockAccount(tx, id);
  if (!account) throw new AccountNotFound();
  return account;
}

/** Replaces the account's roles; an admin cannot drop their own admin role. */
export async function changeRoles(
  ctx: UsersContext,
  admin: Admin,
  accountId: string,
  roles: Role[],
): Promise<Account> {
  const wanted = [...new Set(roles)];
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    const account = await locked(tx, accountId);
    if (accountId === admin.adminId && !wanted.includes('admin')) throw new SelfLockout();
    const same = wanted.length === account.roles.length && wanted.every((r) => account.roles.includes(r));
    if (same) return account;
    await setRoles(tx, accountId, wanted);
    // A site only fits its role: losing the role detaches the account from the site.
    const sites = {
      depotId: wanted.includes('warehouseman') ? account.depotId : null,
      sortingCentreId: wanted.includes('driver') ? account.sortingCentreId : null,
    };
    if (sites.depotId !== account.depotId || sites.sortingCentreId !== account.sortingCentreId) {
      await setStaffSites(tx, accountId, sites);
      await appendEvent(tx, StaffAssigned, { userId: accountId, ...sites, assignedAt: now.toISOString() });
    }
    await appendEvent(tx, RoleChanged, {
      userId: accountId,
      roles: wanted,
      previousRoles: account.roles,
      changedAt: now.toISOString(),
    });
    await audit(
      tx,
      now,
      'role_changed',
      { actorId: admin.adminId, accountId, ip: admin.ip },
      {
        from: account.roles,
        to: wanted,
      },
    );
    return { ...account, ...sites, roles: wanted };
  });
}

/** Blocks the account and ends all its sessions at once. */
export async function blockAccount(
  ctx: UsersContext,
  admin: Admin,
  accountId: string,
  reason: string,
): Promise<void> {
  if (accountId === admin.adminId) throw new SelfLockout();
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    await locked(tx, accountId);
    if (!(await changeStatus(tx, accountId, 'active', 'blocked'))) throw new StatusUnchanged();
    await revokeAccountSessions(tx, accountId, 'blocked', now);
    await appendEvent(tx, UserBlocked, { userId: accountId, reason, blockedAt: now.toISOString() });
    await audit(tx, now, 'blocked', { actorId: admin.adminId, accountId, ip: admin.ip }, { reason });
  });
}

/** Lifts a block. */
export async function unblockAccount(ctx: UsersContext, admin: Admin, accountId: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    await locked(tx, accountId);
    if (!(await changeStatus(tx, accountId, 'blocked', 'active'))) throw new StatusUnchanged();
    await appendEvent(tx, UserUnblocked, { userId: accountId, unblockedAt: now.toISOString() });
    await audit(tx, now, 'unblocked', { actorId: admin.adminId, accountId, ip: admin.ip });
  });
}

/** Attaches a warehouseman to a depot and/or a driver to a sorting centre (null detaches). */
export async function assignStaff(
  ctx: UsersContext,
  admin: Admin,
  accountId: string,
  sites: { depotId: string | null; sortingCentreId: string | null },
): Promise<Account> {
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    const account = await locked(tx, accountId);
    if (sites.depotId && !account.roles.includes('warehouseman'))
      throw new SiteRoleMismatch('Only warehousemen work at a depot');
    if (sites.sortingCentreId && !account.roles.includes('driver'))
      throw new SiteRoleMismatch('Only drivers work from a sorting centre');
    await setStaffSites(tx, accountId, sites);
    await appendEvent(tx, StaffAssigned, { userId: accountId, ...sites, assignedAt: now.toISOString() });
    await audit(tx, now, 'staff_assigned', { actorId: admin.adminId, accountId, ip: admin.ip }, sites);
    return { ...account, ...sites };
  });
}
