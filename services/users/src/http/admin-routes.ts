/** Staff tools: users and roles, blocks, staff sites, seller applications, the audit log, the mailbox. */
import { Type } from '@sinclair/typebox';
import {
  AccountRole,
  Me,
  SellerApplication,
  SellerApplicationStatus,
  Timestamp,
  Uuid,
} from '@sauda/contracts';
import { principalOf, type App } from '@sauda/kit';
import { assignStaff, blockAccount, changeRoles, unblockAccount } from '../admin/manage-accounts.ts';
import type { UsersContext } from '../context.ts';
import { findAccountById, listAccounts, type Account } from '../data/accounts.ts';
import { listAudit } from '../data/audit-log.ts';
import { listMail } from '../data/mailbox.ts';
import { listApplications } from '../data/seller-applications.ts';
import { AccountNotFound } from '../errors.ts';
import { approveSellerApplication, rejectSellerApplication } from '../sellers/decide-seller-application.ts';
import { clientOf } from './client-info.ts';
import { pageOf, PageQuery, userView } from './schemas.ts';
import { applicationView } from './views.ts';

const AdminUser = Type.Composite(
  [Me, Type.Object({ status: Type.Union([Type.Literal('active'), Type.Literal('blocked')]) })],
  { additionalProperties: false },
);
const AuditEntry = Type.Object(
  {
    id: Type.String(),
    at: Timestamp,
    action: Type.String(),
    actorId: Type.Union([Uuid, Type.Null()]),
    accountId: Type.Union([Uuid, Type.Null()]),
    accountEmail: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    detail: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
const MailView = Type.Object(
  {
    id: Uuid,
    to: Type.String(),
    subject: Type.String(),
    body: Type.String(),
    template: Type.String(),
    createdAt: Timestamp,
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Uuid });
// Support is read-only staff: it reads every list, changes nothing.
const read = (owns: string) => ({ access: ['admin', 'support'] as const, owns });
const write = (owns: string) => ({ access: ['admin'] as const, owns });
const users = 'any account (staff tools)';

const adminView = (account: Account) => ({ ...userView(account), status: account.status });
const paging = (query: { page: number; limit: number }) => ({
  limit: query.limit,
  offset: (query.page - 1) * query.limit,
});

export function adminRoutes(app: App, ctx: UsersContext): void {
  const admin = (request: Parameters<typeof principalOf>[0]) => ({
    adminId: principalOf(request).id,
    ip: clientOf(request).ip,
  });

  app.get(
    '/admin/users',
    {
      config: { auth: read(users) },
      schema: {
        tags: ['admin'],
        summary: 'Find accounts by email or name, role and status',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          role: Type.Optional(AccountRole),
          status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('blocked')])),
          ...PageQuery,
        }),
        response: { 200: pageOf(AdminUser) },
      },
    },
    async (request) => {
      const { q, role, status, page, limit } = request.query;
      const found = await listAccounts(ctx.db, { q, role, status, ...paging({ page, limit }) });
      return { items: found.items.map(adminView), total: found.total, page, limit };
    },
  );
  app.get(
    '/admin/users/:id',
    {
      config: { auth: read(users) },
      schema: { tags: ['admin'], summary: 'One account', params: IdParams, response: { 200: AdminUser } },
    },
    async (request) => {
      const account = await findAccountById(ctx.db, request.params.id);
      if (!account) throw new AccountNotFound();
      return adminView(account);
    },
  );
  app.put(
    '/admin/users/:id/roles',
    {
      config: { auth: write(users) },
      schema: {
        tags: ['admin'],
        summary: 'Replace the roles of an account (audited; announced as users.role.changed.v1)',
        params: IdParams,
        body: Type.Object(
          { roles: Type.Array(AccountRole, { minItems: 1, maxItems: 7 }) },
          { additionalProperties: false },
        ),
        response: { 200: AdminUser },
      },
    },
    async (request) =>
      adminView(await changeRoles(ctx, admin(request), request.params.id, request.body.roles)),
  );
  app.post(
    '/admin/users/:id/block',
    {
      config: { auth: write(users) },
      schema: {
        tags: ['admin'],
        summary: 'Block an account: its sessions end at once',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 3, maxLength: 500 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      await blockAccount(ctx, admin(request), request.params.id, request.body.reason);
      return reply.status(204).send();
    },
  );
  app.post(
    '/admin/users/:id/unblock',
    {
      config: { auth: write(users) },
      schema: { tags: ['admin'], summary: 'Lift a block', params: IdParams },
    },
    async (request, reply) => {
      await unblockAccount(ctx, admin(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.put(
    '/admin/users/:id/staff',
    {
      config: { auth: write(users) },
      schema: {
        tags: ['admin'],
        summary: 'Attach a warehouseman to a depot and/or a driver to a sorting centre (null detaches)',
        params: IdParams,
        body: Type.Object(
          { depotId: Type.Union([Uuid, Type.Null()]), sortingCentreId: Type.Union([Uuid, Type.Null()]) },
          { additionalProperties: false },
        ),
        response: { 200: AdminUser },
      },
    },
    async (request) => adminView(await assignStaff(ctx, admin(request), request.params.id, request.body)),
  );

  app.get(
    '/admin/seller-applications',
    {
      config: { auth: read('every seller application') },
      schema: {
        tags: ['admin'],
        summary: 'Seller applications, oldest first',
        querystring: Type.Object({ status: Type.Optional(SellerApplicationStatus), ...PageQuery }),
        response: {
          200: pageOf(Type.Composite([SellerApplication, Type.Object({ accountEmail: Type.String() })])),
        },
      },
    },
    async (request) => {
      const { status, page, limit } = request.query;
      const found = await listApplications(ctx.db, { status, ...paging({ page, limit }) });
      return {
        items: found.items.map((a) => ({ ...applicationView(a), accountEmail: a.accountEmail })),
        total: found.total,
        page,
        limit,
      };
    },
  );
  app.post(
    '/admin/seller-applications/:id/approve',
    {
      config: { auth: write('a seller application and its account') },
      schema: {
        tags: ['admin'],
        summary: 'Approve: seller role, shop, users.seller.approved.v1',
        params: IdParams,
        response: { 200: SellerApplication },
      },
    },
    async (request) =>
      applicationView(await approveSellerApplication(ctx, admin(request), request.params.id)),
  );
  app.post(
    '/admin/seller-applications/:id/reject',
    {
      config: { auth: write('a seller application') },
      schema: {
        tags: ['admin'],
        summary: 'Reject with a reason the applicant is told',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 3, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: SellerApplication },
      },
    },
    async (request) =>
      applicationView(
        await rejectSellerApplication(ctx, admin(request), request.params.id, request.body.reason),
      ),
  );

  app.get(
    '/admin/audit',
    {
      config: { auth: read('the security audit log of every account') },
      schema: {
        tags: ['admin'],
        summary: 'Security events, newest first',
        querystring: Type.Object({
          accountId: Type.Optional(Uuid),
          action: Type.Optional(Type.String({ maxLength: 40 })),
          ...PageQuery,
        }),
        response: { 200: pageOf(AuditEntry) },
      },
    },
    async (request) => {
      const { accountId, action, page, limit } = request.query;
      const found = await listAudit(ctx.db, { accountId, action, ...paging({ page, limit }) });
      return {
        items: found.items.map((e) => ({ ...e, at: e.at.toISOString() })),
        total: found.total,
        page,
        limit,
      };
    },
  );
  app.get(
    '/admin/mailbox',
    {
      config: { auth: read('mail sent to any account (embedded mode’s local mailbox)') },
      schema: {
        tags: ['admin'],
        summary: 'Outgoing mail kept locally when no SMTP server is configured, newest first',
        querystring: Type.Object({ to: Type.Optional(Type.String({ maxLength: 254 })), ...PageQuery }),
        response: { 200: pageOf(MailView) },
      },
    },
    async (request) => {
      const { to, page, limit } = request.query;
      const found = await listMail(ctx.db, { to, ...paging({ page, limit }) });
      return {
        items: found.items.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
        total: found.total,
        page,
        limit,
      };
    },
  );
}
