/** Registration, sign-in (with the two-factor step), refresh, sign-out, password reset, email verification. */
import { Type } from '@sinclair/typebox';
import type { App } from '@sauda/kit';
import { logIn } from '../accounts/log-in.ts';
import { registerAccount } from '../accounts/register-account.ts';
import type { UsersContext } from '../context.ts';
import { requestPasswordReset } from '../recovery/request-password-reset.ts';
import { resetPassword } from '../recovery/reset-password.ts';
import { verifyEmail } from '../recovery/verify-email.ts';
import { logOut } from '../sessions/log-out.ts';
import { refreshSession } from '../sessions/refresh-session.ts';
import type { SignedIn } from '../sessions/start-session.ts';
import { issueServiceToken } from '../tokens/issue-service-token.ts';
import { completeTwoFactorLogin } from '../two-factor/complete-two-factor-login.ts';
import { clientOf } from './client-info.ts';
import {
  AuthAnswer,
  LoginBody,
  PasswordField,
  RefreshTokenBody,
  RegisterBody,
  TwoFactorChallenge,
  userView,
} from './schemas.ts';

const tags = ['auth'];
const OneTimeToken = Type.String({ minLength: 1, maxLength: 512 });

export function authRoutes(app: App, ctx: UsersContext): void {
  app.post(
    '/auth/register',
    {
      config: { auth: { access: 'public', owns: 'the account being created' } },
      schema: {
        tags,
        summary: 'Create a customer account and sign in; a verification link is mailed',
        body: RegisterBody,
        response: { 201: AuthAnswer },
      },
    },
    async (request, reply) => {
      const signedIn = await registerAccount(ctx, request.body, clientOf(request));
      return reply.status(201).send(answer(signedIn));
    },
  );

  app.post(
    '/auth/login',
    {
      config: { auth: { access: 'public', owns: 'the account whose password is given' } },
      schema: {
        tags,
        summary: 'Sign in with email and password (two-factor accounts get a challenge for the second step)',
        body: LoginBody,
        response: { 200: Type.Union([AuthAnswer, TwoFactorChallenge]) },
      },
    },
    async (request) => {
      const outcome = await logIn(ctx, request.body, clientOf(request));
      if ('challengeToken' in outcome)
        return { twoFactorRequired: true as const, challengeToken: outcome.challengeToken };
      return answer(outcome);
    },
  );

  app.post(
    '/auth/login/two-factor',
    {
      config: { auth: { access: 'public', owns: 'the account the challenge was issued to' } },
      schema: {
        tags,
        summary: 'The second sign-in step: the challenge and a TOTP code or a recovery code',
        body: Type.Object(
          {
            challengeToken: OneTimeToken,
            code: Type.Optional(Type.String({ pattern: '^[0-9]{6}$' })),
            recoveryCode: Type.Optional(Type.String({ minLength: 8, maxLength: 32 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AuthAnswer },
      },
    },
    async (request) => answer(await completeTwoFactorLogin(ctx, request.body, clientOf(request))),
  );

  app.post(
    '/auth/refresh',
    {
      config: { auth: { access: 'public', owns: 'the session the refresh token belongs to' } },
      schema: {
        tags,
        summary: 'Trade a refresh token for a new pair (each refresh token works once)',
        body: RefreshTokenBody,
        response: { 200: AuthAnswer },
      },
    },
    async (request) => answer(await refreshSession(ctx, request.body.refreshToken, clientOf(request))),
  );

  app.post(
    '/auth/service-token',
    {
      config: { auth: { access: 'public', owns: 'the calling service, proven by its client secret' } },
      schema: {
        tags,
        summary: 'A short-lived token for a service calling others as itself (ADR 0004)',
        body: Type.Object(
          {
            clientId: Type.String({ minLength: 1, maxLength: 60 }),
            clientSecret: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            accessToken: Type.String(),
            tokenType: Type.Literal('Bearer'),
            expiresIn: Type.Integer(),
          }),
        },
      },
    },
    async (request) => issueServiceToken(ctx, request.body),
  );

  app.post(
    '/auth/logout',
    {
      config: { auth: { access: 'public', owns: 'the session the refresh token belongs to' } },
      schema: {
        tags,
        summary: 'End the session of a refresh token (204, also when it had already ended)',
        body: RefreshTokenBody,
      },
    },
    async (request, reply) => {
      await logOut(ctx, request.body.refreshToken);
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/forgot-password',
    {
      config: { auth: { access: 'public', owns: 'the account of the email, if there is one' } },
      schema: {
        tags,
        summary: 'Mail a password reset link (202 whether or not the address has an account)',
        body: Type.Object(
          { email: Type.String({ format: 'email', maxLength: 254 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, clientOf(request));
      return reply.status(202).send();
    },
  );

  app.post(
    '/auth/reset-password',
    {
      config: { auth: { access: 'public', owns: 'the account the reset link was mailed to' } },
      schema: {
        tags,
        summary: 'Set a new password with the reset link’s token (single use; every session ends)',
        body: Type.Object({ token: OneTimeToken, password: PasswordField }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      await resetPassword(ctx, request.body, clientOf(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/verify-email',
    {
      config: { auth: { access: 'public', owns: 'the account the verification link was mailed to' } },
      schema: {
        tags,
        summary: 'Confirm the email address with the link’s token (single use)',
        body: Type.Object({ token: OneTimeToken }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      await verifyEmail(ctx, request.body.token, clientOf(request));
      return reply.status(204).send();
    },
  );
}

function answer(signedIn: SignedIn): AuthAnswer {
  return {
    accessToken: signedIn.accessToken,
    refreshToken: signedIn.refreshToken,
    user: userView(signedIn.account),
  };
}
