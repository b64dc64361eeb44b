/** Events published by `users`. */
import { Type } from '@sinclair/typebox';
import { defineEvent } from '../envelope.ts';
import { Locale, Role, Timestamp, Uuid } from '../primitives.ts';

export const UserRegistered = defineEvent(
  'users.user.registered.v1',
  Type.Object({
    userId: Uuid,
    email: Type.String(),
    name: Type.String(),
    roles: Type.Array(Role),
    locale: Locale,
    registeredAt: Timestamp,
  }),
);

/** An admin approved a seller application: the account now holds the seller role and a shop. */
export const SellerApproved = defineEvent(
  'users.seller.approved.v1',
  Type.Object({ sellerId: Uuid, shopName: Type.String(), approvedAt: Timestamp }),
);

/** An admin blocked an account: its sessions ended; other services may stop serving it. */
export const UserBlocked = defineEvent(
  'users.user.blocked.v1',
  Type.Object({ userId: Uuid, reason: Type.String(), blockedAt: Timestamp }),
);

/** An admin lifted a block. */
export const UserUnblocked = defineEvent(
  'users.user.unblocked.v1',
  Type.Object({ userId: Uuid, unblockedAt: Timestamp }),
);

/** The account's roles changed (admin edit or seller approval); `roles` is the full new set. */
export const RoleChanged = defineEvent(
  'users.role.changed.v1',
  Type.Object({
    userId: Uuid,
    roles: Type.Array(Role),
    previousRoles: Type.Array(Role),
    changedAt: Timestamp,
  }),
);

/** A warehouseman was attached to a depot or a driver to a sorting centre (null: detached). */
export const StaffAssigned = defineEvent(
  'users.staff.assigned.v1',
  Type.Object({
    userId: Uuid,
    depotId: Type.Union([Uuid, Type.Null()]),
    sortingCentreId: Type.Union([Uuid, Type.Null()]),
    assignedAt: Timestamp,
  }),
);

/** The kinds of mail users sends. */
export const NotificationTemplate = Type.Union([
  Type.Literal('email_verification'),
  Type.Literal('password_reset'),
  Type.Literal('password_changed'),
  Type.Literal('seller_approved'),
  Type.Literal('seller_rejected'),
]);

/**
 * users asks its own notifier to send a mail (consumed by users itself, so a mail is sent once the
 * state change that wants it has committed). `link` holds a one-time link when the template needs one.
 */
export const NotificationRequested = defineEvent(
  'users.notification.requested.v1',
  Type.Object({
    notificationId: Uuid,
    accountId: Uuid,
    to: Type.String(),
    name: Type.String(),
    locale: Locale,
    template: NotificationTemplate,
    link: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
    shopName: Type.Optional(Type.String()),
  }),
);
