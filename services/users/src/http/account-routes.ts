/** The caller's own account: profile, password, email verification, sessions, two-factor (`/me/*`). */
import { Type } from '@sinclair/typebox';
import { CurrencyCode, Locale, Timestamp, Uuid } from '@sauda/contracts';
import { principalOf, type App } from '@sauda/kit';
import { getAccount } from '../accounts/get-account.ts';
import type { UsersContext } from '../context.ts';
import { changePassword } from '../profile/change-password.ts';
import { updateProfile } from '../profile/update-profile.ts';
import { resendVerification } from '../recovery/verify-email.ts';
import { endSession, listSessions, signOutEverywhere } from '../sessions/manage-sessions.ts';
import { beginTwoFactorSetup, disableTwoFactor, enableTwoFactor } from '../two-factor/set-up-two-factor.ts';
import { clientOf } from './client-info.ts';
import { PasswordField, User, userView } from './schemas.ts';

const tags = ['account'];
const own = { access: 'authenticated', owns: "the caller's own account" } as const;

const SessionView = Type.Object(
  {
    id: Uuid,
    createdAt: Timestamp,
    lastUsedAt: Timestamp,
    userAgent: Type.Union([Type.String(), Type.Null()]),
    ip: Type.Union([Type.String(), Type.Null()]),
    current: Type.Boolean(),
  },
  { additionalProperties: false },
);

export function accountRoutes(app: App, ctx: UsersContext): void {
  app.get(
    '/me',
    { config: { auth: own }, schema: { tags, summary: 'The signed-in account', response: { 200: User } } },
    async (request) => userView(await getAccount(ctx, principalOf(request).id)),
  );

  app.patch(
    '/me',
    {
      config: { auth: own },
      schema: {
        tags,
        summary: 'Edit the profile: name, phone (null clears it), language, currency',
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
            phone: Type.Optional(
              Type.Union([Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$' }), Type.Null()]),
            ),
            locale: Type.Optional(Locale),
            currency: Type.Optional(CurrencyCode),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: User },
      },
    },
    async (request) => userView(await updateProfile(ctx, principalOf(request).id, request.body)),
  );

  app.post(
    '/me/password',
    {
      config: { auth: own },
      schema: {
        tags,
        summary: 'Change the password (the current one confirms); other sessions end',
        body: Type.Object(
          { currentPassword: PasswordField, newPassword: PasswordField },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await changePassword(
        ctx,
        { accountId: principal.id, sessionId: principal.sessionId ?? null },
        request.body,
        clientOf(request),
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/me/email-verification',
    {
      config: { auth: own },
      schema: { tags, summary: 'Mail a new verification link (the older ones stop working)' },
    },
    async (request, reply) => {
      await resendVerification(ctx, principalOf(request).id);
      return reply.status(202).send();
    },
  );

  app.get(
    '/me/sessions',
    {
      config: { auth: own },
      schema: { tags, summary: 'The signed-in devices', response: { 200: Type.Array(SessionView) } },
    },
    async (request) => {
      const principal = principalOf(request);
      const sessions = await listSessions(ctx, principal.id);
      return sessions.map((s) => ({
        id: s.id,
        createdAt: s.createdAt.toISOString(),
        lastUsedAt: s.lastUsedAt.toISOString(),
        userAgent: s.userAgent,
        ip: s.ip,
        current: s.id === principal.sessionId,
      }));
    },
  );

  app.delete(
    '/me/sessions/:id',
    {
      config: { auth: own },
      schema: { tags, summary: 'Sign out one device', params: Type.Object({ id: Uuid }) },
    },
    async (request, reply) => {
      await endSession(ctx, principalOf(request).id, request.params.id, clientOf(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/me/sessions/sign-out-everywhere',
    {
      config: { auth: own },
      schema: {
        tags,
        summary: 'End every session, this one included',
        response: { 200: Type.Object({ ended: Type.Integer() }, { additionalProperties: false }) },
      },
    },
    async (request) => ({ ended: await signOutEverywhere(ctx, principalOf(request).id, clientOf(request)) }),
  );

  app.post(
    '/me/two-factor/setup',
    {
      config: { auth: own },
      schema: {
        tags,
        summary: 'Start two-factor setup: a secret for the authenticator app (confirm it with a code)',
        response: {
          200: Type.Object(
            { secret: Type.String(), otpauthUrl: Type.String() },
            { additionalProperties: false },
          ),
        },
      },
    },
    async (request) => beginTwoFactorSetup(ctx, principalOf(request).id),
  );

  app.post(
    '/me/two-factor/enable',
    {
      config: { auth: own },
      schema: {
        tags,
        summary: 'Confirm setup with a code; answers ten recovery codes, shown this once',
        body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ recoveryCodes: Type.Array(Type.String()) }, { additionalProperties: false }),
        },
      },
    },
    async (request) => enableTwoFactor(ctx, principalOf(request).id, request.body.code, clientOf(request).ip),
  );

  app.post(
    '/me/two-factor/disable',
    {
      config: { auth: own },
      schema: {
        tags,
        summary: 'Turn two-factor off (the password confirms)',
        body: Type.Object({ password: PasswordField }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      await disableTwoFactor(ctx, principalOf(request).id, request.body.password, clientOf(request).ip);
      return reply.status(204).send();
    },
  );
}
