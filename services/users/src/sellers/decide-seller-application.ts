/** An admin approves (seller role, shop, events) or rejects (with a reason) a pending application. */
import { RoleChanged, SellerApproved } from '@sauda/contracts';
import { appendEvent, withTransaction } from '@sauda/kit';
import { audit } from '../audit/audit.ts';
import type { UsersContext } from '../context.ts';
import { lockAccount, setRoles } from '../data/accounts.ts';
import {
  decideApplication,
  findApplication,
  upsertShopName,
  type StoredApplication,
} from '../data/seller-applications.ts';
import { ApplicationDecided, ApplicationNotFound } from '../errors.ts';
import { requestMail } from '../mail/request-mail.ts';

type Admin = { adminId: string; ip: string | null };

/** Approves: the account gains the seller role and a shop named as applied; sellers and shop learn it. */
export async function approveSellerApplication(
  ctx: UsersContext,
  admin: Admin,
  applicationId: string,
): Promise<StoredApplication> {
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    const application = await findApplication(tx, applicationId);
    if (!application) throw new ApplicationNotFound();
    const account = await lockAccount(tx, application.accountId);
    if (!account) throw new ApplicationNotFound();
    const decided = await decideApplication(tx, applicationId, {
      status: 'approved',
      reason: null,
      by: admin.adminId,
      at: now,
    });
    if (!decided) throw new ApplicationDecided();
    if (!account.roles.includes('seller')) {
      const roles = [...account.roles, 'seller' as const];
      await setRoles(tx, account.id, roles);
      await appendEvent(tx, RoleChanged, {
        userId: account.id,
        roles,
        previousRoles: account.roles,
        changedAt: now.toISOString(),
      });
      await audit(
        tx,
        now,
        'role_changed',
        { actorId: admin.adminId, accountId: account.id, ip: admin.ip },
        {
          from: account.roles,
          to: roles,
        },
      );
    }
    await upsertShopName(tx, account.id, application.shopName);
    await appendEvent(tx, SellerApproved, {
      sellerId: account.id,
      shopName: application.shopName,
      approvedAt: now.toISOString(),
    });
    await requestMail(tx, account, 'seller_approved', { shopName: application.shopName });
    await audit(
      tx,
      now,
      'seller_approved',
      { actorId: admin.adminId, accountId: account.id, ip: admin.ip },
      {
        applicationId,
      },
    );
    return { ...application, status: 'approved', decidedAt: now };
  });
}

/** Rejects with a reason the applicant is told; they may apply again. */
export async function rejectSellerApplication(
  ctx: UsersContext,
  admin: Admin,
  applicationId: string,
  reason: string,
): Promise<StoredApplication> {
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock();
    const application = await findApplication(tx, applicationId);
    if (!application) throw new ApplicationNotFound();
    const decided = await decideApplication(tx, applicationId, {
      status: 'rejected',
      reason,
      by: admin.adminId,
      at: now,
    });
    if (!decided) throw new ApplicationDecided();
    const account = await lockAccount(tx, application.accountId);
    if (account)
      await requestMail(tx, account, 'seller_rejected', { reason, shopName: application.shopName });
    await audit(
      tx,
      now,
      'seller_rejected',
      { actorId: admin.adminId, accountId: application.accountId, ip: admin.ip },
      {
        applicationId,
        reason,
      },
    );
    return { ...application, status: 'rejected', reason, decidedAt: now };
  });
}
